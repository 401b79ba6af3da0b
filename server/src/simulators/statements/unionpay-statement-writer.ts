import { shanghaiCompact } from '../../adapters/channels/shanghai-time.js';
import {
  type FixedLayout,
  unionpayApproved,
  unionpayCodes,
  unionpayDetailLayout,
  unionpayHeaderLayout,
  unionpayTrailerLayout,
} from '../../modules/reconciliation/statements/unionpay-statement-layout.js';
import { refundIds, type StatementRecord, type StatementWriter } from './statement-record.js';
import { TextChunks } from './text-chunks.js';

const lineEnd = '\r\n';

/** The simulator's acquirer and forwarding institution codes (11 digits each). */
const acquirerCode = '00048021000';
const forwarderCode = '00049000000';
/** QR and wallet payments come from a phone (终端类型 08) and carry no card number. */
const mobileTerminal = '08';

/**
 * One fixed-width line: each value placed at its field, text left-aligned and space padded,
 * numbers zero padded. A value that does not fit, or is not ASCII (the widths count bytes),
 * cannot be written truthfully, so it is refused.
 */
function fixedLine(of: FixedLayout, values: Record<string, string | number>): string {
  const parts = of.fields.map((field) => {
    const value = values[field.name] ?? '';
    const text = field.kind === 'number' ? String(value).padStart(field.width, '0') : String(value);
    if (text.length > field.width || !/^[\x20-\x7e]*$/.test(text)) {
      throw new RangeError(`${field.name} does not fit ${field.width} ASCII bytes: ${text}`);
    }
    return text.padEnd(field.width, ' ');
  });
  return parts.join(' ') + lineEnd;
}

function detailValues(record: StatementRecord, sequence: number, settleMmdd: string) {
  const common = {
    代理机构标识码: acquirerCode,
    发送机构标识码: forwarderCode,
    系统跟踪号: sequence % 1_000_000,
    交易传输时间: shanghaiCompact(record.tradedAt).slice(4),
    交易金额: record.amountFen,
    终端类型: mobileTerminal,
    清算日期: settleMmdd,
    手续费: record.channelFeeFen,
    应答码: record.status === 'failed' ? '01' : unionpayApproved,
    商户代码: record.channelMerchantId,
  };
  if (record.kind === 'payment') {
    return {
      ...common,
      交易代码: unionpayCodes.payment,
      查询流水号: record.channelTransactionId,
      订单号: record.outTradeNo,
    };
  }
  const ids = refundIds(record);
  return {
    ...common,
    交易代码: unionpayCodes.refund,
    查询流水号: ids.channelRefundId,
    订单号: ids.outRefundNo,
    原始订单号: record.outTradeNo,
    原始交易查询流水号: record.channelTransactionId,
  };
}

/**
 * Writes a UnionPay fixed-width statement while the records stream: a header with the
 * statement date, one line per record, and a trailer with the count and totals.
 */
export const writeUnionpayStatement: StatementWriter = async function* (records, meta) {
  const chunks = new TextChunks((text) => Buffer.from(text, 'latin1'));
  const settleMmdd = meta.day.slice(5, 7) + meta.day.slice(8, 10);
  chunks.add(
    fixedLine(unionpayHeaderLayout, {
      记录类型: unionpayCodes.header,
      清算日期: meta.day.replaceAll('-', ''),
      商户代码: meta.channelMerchantId,
    }),
  );
  const totals = { count: 0, payments: 0, paymentFen: 0, refunds: 0, refundFen: 0 };
  const fees = { charged: 0, returned: 0 };
  for await (const record of records) {
    totals.count += 1;
    if (record.kind === 'payment') {
      totals.payments += 1;
      totals.paymentFen += record.amountFen;
      fees.charged += record.channelFeeFen;
    } else {
      totals.refunds += 1;
      totals.refundFen += record.amountFen;
      fees.returned += record.channelFeeFen;
    }
    const chunk = chunks.add(
      fixedLine(unionpayDetailLayout, detailValues(record, totals.count, settleMmdd)),
    );
    if (chunk) yield chunk;
  }
  chunks.add(
    fixedLine(unionpayTrailerLayout, {
      记录类型: unionpayCodes.trailer,
      总笔数: totals.count,
      消费笔数: totals.payments,
      消费总金额: totals.paymentFen,
      退货笔数: totals.refunds,
      退货总金额: totals.refundFen,
      应收手续费: fees.charged,
      退还手续费: fees.returned,
    }),
  );
  const last = chunks.flush();
  if (last) yield last;
};
