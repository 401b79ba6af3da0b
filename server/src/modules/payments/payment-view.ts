import { inArray } from 'drizzle-orm';
import type { Config } from '../../config.js';
import type { Db } from '../../platform/db/database.js';
import { merchants, stores } from '../merchants/index.js';
import { orderCodeFor } from './order-code.js';
import type { PaymentView, RefundView } from './schemas.js';
import type { PaymentRow, RefundRow } from './tables.js';

/** A card as every reply shows it: BIN and last four, the middle masked (DOMAIN.md §3). */
export function maskedCard(bin: string, last4: string): string {
  return `${bin}${'*'.repeat(Math.max(16 - bin.length - 4, 4))}${last4}`;
}

type Names = { merchantNames: Map<string, string | null>; storeNames: Map<string, string> };

async function namesFor(db: Db, rows: readonly PaymentRow[]): Promise<Names> {
  const merchantIds = [...new Set(rows.map((row) => row.merchantId))];
  const storeIds = [...new Set(rows.map((row) => row.storeId))];
  const [merchantRows, storeRows] = await Promise.all([
    merchantIds.length
      ? db
          .select({ id: merchants.id, name: merchants.shortName })
          .from(merchants)
          .where(inArray(merchants.id, merchantIds))
      : [],
    storeIds.length
      ? db
          .select({ id: stores.id, name: stores.name })
          .from(stores)
          .where(inArray(stores.id, storeIds))
      : [],
  ]);
  return {
    merchantNames: new Map(merchantRows.map((row) => [row.id, row.name])),
    storeNames: new Map(storeRows.map((row) => [row.id, row.name])),
  };
}

function toView(config: Config, row: PaymentRow, names: Names): PaymentView {
  const refundableFen =
    row.status === 'succeeded' ? row.amountFen - row.refundedFen - row.refundingFen : 0;
  return {
    id: row.id,
    merchantId: row.merchantId,
    merchantName: names.merchantNames.get(row.merchantId) ?? null,
    storeId: row.storeId,
    storeName: names.storeNames.get(row.storeId) ?? null,
    method: row.method,
    channel: row.channel,
    status: row.status,
    amountFen: row.amountFen,
    currency: 'CNY',
    feeFen: row.feeFen,
    commissionFen: row.commissionFen,
    netFen: row.status === 'succeeded' ? row.amountFen - row.feeFen - row.commissionFen : 0,
    refundedFen: row.refundedFen,
    refundingFen: row.refundingFen,
    refundableFen,
    marketId: row.marketId,
    codeKind: row.codeKind,
    orderReference: row.orderReference,
    description: row.description,
    channelTransactionId: row.channelTransactionId,
    card:
      row.cardBin && row.cardLast4
        ? { masked: maskedCard(row.cardBin, row.cardLast4), cardType: row.cardType }
        : null,
    terminalId: row.terminalId,
    failureCode: row.failureCode,
    failureMessage: row.failureMessage,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    succeededAt: row.succeededAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    orderCode: row.method === 'order_code' ? orderCodeFor(config, row) : null,
  };
}

export async function toPaymentViews(
  db: Db,
  config: Config,
  rows: readonly PaymentRow[],
): Promise<PaymentView[]> {
  const names = await namesFor(db, rows);
  return rows.map((row) => toView(config, row, names));
}

/** A payment's view with the names already in hand (the capture path read them with the store). */
export function toNamedPaymentView(
  config: Config,
  row: PaymentRow,
  names: { merchantName: string | null; storeName: string },
): PaymentView {
  return toView(config, row, {
    merchantNames: new Map([[row.merchantId, names.merchantName]]),
    storeNames: new Map([[row.storeId, names.storeName]]),
  });
}

export async function toPaymentView(db: Db, config: Config, row: PaymentRow): Promise<PaymentView> {
  const [view] = await toPaymentViews(db, config, [row]);
  return view as PaymentView;
}

export function toRefundView(row: RefundRow): RefundView {
  return {
    id: row.id,
    paymentId: row.paymentId,
    merchantId: row.merchantId,
    channel: row.channel,
    status: row.status,
    amountFen: row.amountFen,
    currency: 'CNY',
    feeReturnedFen: row.feeReturnedFen,
    reason: row.reason,
    failureCode: row.failureCode,
    failureMessage: row.failureMessage,
    createdAt: row.createdAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
  };
}
