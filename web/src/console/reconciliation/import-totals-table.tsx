import { Table } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCny } from '../../app/money';
import type { StatementImport } from './recon-types';

interface TotalsRow {
  key: string;
  item: string;
  theirsFen: number | null;
  oursFen: number | null;
  matchedFen: number | null;
}

const amount = (fen: number | null) => (fen === null ? '—' : formatCny(fen));

/**
 * The statement's totals beside ours and the matched ones: payments, refunds, the channel's
 * fees (only the channel states them), and the net the channel settlement posted.
 */
export function ImportTotalsTable({ statementImport }: { statementImport: StatementImport }) {
  const { t } = useTranslation();
  const { theirs, ours, matched } = statementImport;
  const rows: TotalsRow[] = [
    {
      key: 'payments',
      item: t('reconciliation.imports.payments'),
      theirsFen: theirs.paymentTotalFen,
      oursFen: ours.paymentTotalFen,
      matchedFen: matched.paymentTotalFen,
    },
    {
      key: 'refunds',
      item: t('reconciliation.imports.refunds'),
      theirsFen: theirs.refundTotalFen,
      oursFen: ours.refundTotalFen,
      matchedFen: matched.refundTotalFen,
    },
    {
      key: 'fees',
      item: t('reconciliation.imports.channelFees'),
      theirsFen: theirs.channelFeeTotalFen,
      oursFen: null,
      matchedFen: null,
    },
    {
      key: 'net',
      item: t('reconciliation.importDetail.settledNet'),
      theirsFen: null,
      oursFen: null,
      matchedFen: statementImport.settledNetFen,
    },
  ];
  return (
    <Table<TotalsRow>
      size="small"
      bordered
      pagination={false}
      rowKey="key"
      dataSource={rows}
      data-testid="import-totals"
      onRow={(row) => ({ 'data-testid': `import-total-${row.key}` }) as HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('reconciliation.importDetail.item'), dataIndex: 'item' },
        {
          title: t('reconciliation.imports.theirs'),
          dataIndex: 'theirsFen',
          align: 'right',
          render: amount,
        },
        {
          title: t('reconciliation.imports.ours'),
          dataIndex: 'oursFen',
          align: 'right',
          render: amount,
        },
        {
          title: t('reconciliation.imports.matched'),
          dataIndex: 'matchedFen',
          align: 'right',
          render: amount,
        },
      ]}
    />
  );
}
