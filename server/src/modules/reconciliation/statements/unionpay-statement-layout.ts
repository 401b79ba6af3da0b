/**
 * The UnionPay online (全渠道) statement as the simulator writes it, in the style of the
 * gateway's 交易流水 file: one ASCII line per record, fields at fixed positions, one space
 * between fields, text left-aligned and space padded, numbers right-aligned and zero padded.
 * The first line is a header with the statement date (the detail's times carry no year), the
 * last a trailer with the count and totals. docs/reconciliation.md has the table; shared by the
 * reader and the simulator's writer so the two cannot drift apart.
 */
export type FixedField = {
  name: string;
  width: number;
  kind: 'text' | 'number';
  /** 0-based offset in the line. */
  start: number;
};

export type FixedLayout = { fields: readonly FixedField[]; length: number };

function layout(fields: readonly [string, number, 'text' | 'number'][]): FixedLayout {
  let start = 0;
  const placed = fields.map(([name, width, kind]) => {
    const field = { name, width, kind, start };
    start += width + 1;
    return field;
  });
  return { fields: placed, length: start - 1 };
}

export const unionpayDetailLayout = layout([
  ['交易代码', 3, 'text'],
  ['代理机构标识码', 11, 'text'],
  ['发送机构标识码', 11, 'text'],
  ['系统跟踪号', 6, 'number'],
  ['交易传输时间', 10, 'number'],
  ['账号', 19, 'text'],
  ['交易金额', 12, 'number'],
  ['商户类别', 4, 'text'],
  ['终端类型', 2, 'text'],
  ['查询流水号', 21, 'text'],
  ['订单号', 40, 'text'],
  ['原始订单号', 40, 'text'],
  ['原始交易查询流水号', 21, 'text'],
  ['清算日期', 4, 'number'],
  ['手续费', 12, 'number'],
  ['应答码', 2, 'text'],
  ['商户代码', 15, 'text'],
]);

export const unionpayHeaderLayout = layout([
  ['记录类型', 3, 'text'],
  ['清算日期', 8, 'number'],
  ['商户代码', 15, 'text'],
]);

export const unionpayTrailerLayout = layout([
  ['记录类型', 3, 'text'],
  ['总笔数', 10, 'number'],
  ['消费笔数', 10, 'number'],
  ['消费总金额', 16, 'number'],
  ['退货笔数', 10, 'number'],
  ['退货总金额', 16, 'number'],
  ['应收手续费', 16, 'number'],
  ['退还手续费', 16, 'number'],
]);

/** 交易代码 of the detail lines, and the record types of the header and trailer. */
export const unionpayCodes = {
  payment: 'S22',
  refund: 'S30',
  header: 'HDR',
  trailer: 'TRL',
} as const;

/** 应答码 of a completed transaction; any other code is a failure. */
export const unionpayApproved = '00';

/** Where each named field of a layout sits. */
export function fieldsByName(of: FixedLayout): Record<string, FixedField> {
  return Object.fromEntries(of.fields.map((field) => [field.name, field]));
}
