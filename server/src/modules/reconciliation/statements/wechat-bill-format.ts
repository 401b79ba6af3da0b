/**
 * WeChat Pay's trade bill (交易账单, bill_type ALL) as the channel writes it: a detail header,
 * one row per payment or refund with every value prefixed by a backtick (so spreadsheets keep
 * long ids as text), a summary header and one summary row. Amounts are yuan with two decimals.
 * Shared by the reader and the simulator's writer so the two cannot drift apart.
 */
export const wechatDetailColumns = [
  '交易时间',
  '公众账号ID',
  '商户号',
  '特约商户号',
  '设备号',
  '微信订单号',
  '商户订单号',
  '用户标识',
  '交易类型',
  '交易状态',
  '付款银行',
  '货币种类',
  '应结订单金额',
  '代金券金额',
  '微信退款单号',
  '商户退款单号',
  '退款金额',
  '充值券退款金额',
  '退款类型',
  '退款状态',
  '商品名称',
  '商户数据包',
  '手续费',
  '费率',
  '订单金额',
  '申请退款金额',
  '费率备注',
] as const;

export const wechatSummaryColumns = [
  '总交易单数',
  '应结订单总金额',
  '退款总金额',
  '充值券退款总金额',
  '手续费总金额',
  '订单总金额',
  '申请退款总金额',
] as const;

export type WechatDetailColumn = (typeof wechatDetailColumns)[number];

/** Each detail column's position, by name, so code reads `row[wechatColumn.商户订单号]`. */
export const wechatColumn = Object.fromEntries(
  wechatDetailColumns.map((name, index) => [name, index]),
) as Record<WechatDetailColumn, number>;

/** 交易状态 of a refund row; its 微信订单号 is the refunded payment's. */
export const wechatRefundState = 'REFUND';

export const wechatBacktick = '`';
