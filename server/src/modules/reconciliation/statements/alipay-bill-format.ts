/**
 * Alipay's trade bill (业务明细) as the channel ships it: a zip of two GBK-encoded CSVs,
 * `<account>_<yyyymmdd>_业务明细.csv` and `<account>_<yyyymmdd>_业务明细(汇总).csv`. Comment
 * lines start with "#"; each value is followed by a tab (so spreadsheets keep ids as text);
 * 业务类型 is 交易 or 退款, and a refund's amounts are negative. Shared by the reader and the
 * simulator's writer so the two cannot drift apart.
 */
export const alipayDetailColumns = [
  '支付宝交易号',
  '商户订单号',
  '业务类型',
  '商品名称',
  '创建时间',
  '完成时间',
  '门店编号',
  '门店名称',
  '操作员',
  '终端号',
  '对方账户',
  '订单金额（元）',
  '商家实收（元）',
  '支付宝红包（元）',
  '集分宝（元）',
  '支付宝优惠（元）',
  '商家优惠（元）',
  '券核销金额（元）',
  '券名称',
  '商家红包消费金额（元）',
  '卡消费金额（元）',
  '退款批次号/请求号',
  '服务费（元）',
  '分润（元）',
  '备注',
] as const;

export type AlipayDetailColumn = (typeof alipayDetailColumns)[number];

export const alipayColumn = Object.fromEntries(
  alipayDetailColumns.map((name, index) => [name, index]),
) as Record<AlipayDetailColumn, number>;

/** The 汇总 file: one row per store, then a 合计 row. */
export const alipaySummaryColumns = [
  '门店编号',
  '门店名称',
  '交易订单总笔数',
  '退款订单总笔数',
  '订单金额（元）',
  '商家实收（元）',
  '支付宝优惠（元）',
  '商家优惠（元）',
  '卡消费金额（元）',
  '服务费（元）',
  '分润（元）',
  '实收净额（元）',
] as const;

export type AlipaySummaryColumn = (typeof alipaySummaryColumns)[number];

export const alipaySummaryColumn = Object.fromEntries(
  alipaySummaryColumns.map((name, index) => [name, index]),
) as Record<AlipaySummaryColumn, number>;

export const alipayBusinessTypes = { payment: '交易', refund: '退款' } as const;

export const alipayFileSuffixes = { detail: '_业务明细.csv', summary: '_业务明细(汇总).csv' };

export const alipayDetailEnd =
  '#-----------------------------------------业务明细列表结束------------------------------------';
export const alipaySummaryEnd =
  '#-----------------------------------------业务汇总列表结束------------------------------------';

/** The detail's closing totals: "#交易合计：3笔，商家实收共计：0.03元，服务费共计：-0.00元". */
export const alipayTotalPrefixes = { payment: '#交易合计：', refund: '#退款合计：' } as const;

export const alipaySummaryTotalLabel = '合计';

/** Alipay's dates in comments: "2026年11月20日 00:00:00". */
export function alipayCommentDate(day: string, time = '00:00:00'): string {
  return `${day.slice(0, 4)}年${day.slice(5, 7)}月${day.slice(8, 10)}日 ${time}`;
}
