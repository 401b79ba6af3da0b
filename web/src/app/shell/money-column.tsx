import type { ColumnType } from 'antd/es/table';
import { formatCny } from '../money';

/**
 * A right-aligned column of an integer-fen field shown in yuan (¥1,234.50), the same in every
 * table of amounts; a missing amount shows a dash.
 */
export function moneyColumn<T>(
  title: string,
  dataIndex: keyof T & string,
  width = 120,
): ColumnType<T> {
  return {
    title,
    dataIndex,
    key: dataIndex,
    align: 'right',
    width,
    render: (fen: number | null | undefined) =>
      fen === null || fen === undefined ? '—' : formatCny(fen),
  };
}
