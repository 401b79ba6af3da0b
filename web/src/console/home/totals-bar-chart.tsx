import { BarChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
// The ESM core build: under Vite with "type": "module" the package's CJS default export
// resolves to an object, not the component, and renders nothing.
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import type { TotalsRow } from '../../app/api/payment-types';
import { formatCny, formatYuan } from '../../app/money';

// Only the parts these charts draw, so the home page does not carry all of echarts.
echarts.use([
  BarChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  AriaComponent,
  CanvasRenderer,
]);

/** Axis labels in whole yuan when they are whole: 1,200 rather than 1,200.00. */
const axisYuan = (fen: number) => formatYuan(fen).replace(/\.00$/, '');

/**
 * Today's count and amount per row (a channel or a branch) as paired bars: the amount on the
 * left axis, the count on the right. Values stay integer fen; only the labels show yuan.
 */
export function TotalsBarChart({
  rows,
  labelOf,
  ariaLabel,
  testId,
}: {
  rows: TotalsRow[];
  labelOf: (row: TotalsRow) => string;
  ariaLabel: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const amountName = t('payments.today.amount');
  const countName = t('payments.today.countSeries');
  const option = {
    aria: { enabled: true },
    color: ['#1677ff', '#52c41a'],
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: { seriesIndex: number; value: number; name: string }[]) => {
        const [first] = params;
        const lines = params.map((item) =>
          item.seriesIndex === 0
            ? `${amountName}: ${formatCny(item.value)}`
            : `${countName}: ${item.value}`,
        );
        return [first?.name ?? '', ...lines].join('<br/>');
      },
    },
    legend: { data: [amountName, countName], top: 0 },
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map(labelOf), axisLabel: { interval: 0 } },
    yAxis: [
      {
        type: 'value',
        name: '¥',
        minInterval: 1,
        // A quiet morning would otherwise scale the axis to one fen.
        max: (extent: { max: number }) => Math.max(extent.max, 100),
        axisLabel: { formatter: axisYuan },
      },
      { type: 'value', minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      {
        name: amountName,
        type: 'bar',
        barMaxWidth: 36,
        data: rows.map((row) => row.amountFen),
      },
      {
        name: countName,
        type: 'bar',
        yAxisIndex: 1,
        barMaxWidth: 36,
        data: rows.map((row) => row.count),
      },
    ],
  };

  return (
    <div role="img" aria-label={ariaLabel} data-testid={testId}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 280 }} />
    </div>
  );
}
