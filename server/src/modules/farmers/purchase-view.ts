import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Config } from '../../config.js';
import type { Encryptor } from '../../platform/crypto/encryption.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { toPage } from '../../platform/pagination.js';
import { type PayoutRow, payouts } from '../payouts/index.js';
import { maskedFarmerName } from './farmers.js';
import type { PayoutState, PurchaseListQuery, PurchaseView } from './schemas.js';
import { type FarmerPurchaseRow, farmerPurchases, farmers } from './tables.js';

/** A purchase with what its views need from the farmer and the payout. */
export type PurchaseWithPayout = {
  purchase: FarmerPurchaseRow;
  farmerNameEnc: string;
  farmerAccountNumberEnc: string;
  payout: Pick<PayoutRow, 'status' | 'failureCode' | 'failureMessage'> | null;
};

/** The link of a purchase's receipt, as its QR encodes it and the purchaser's app shows it. */
export function receiptUrl(config: Pick<Config, 'publicUrl'>, receiptToken: string): string {
  return `${config.publicUrl}/r/f/${receiptToken}`;
}

/**
 * What the farmer and the purchaser are told about the payment: paid once the core bank booked
 * it, failed (with the bank's reason) once it refused it, and pending for anything in between,
 * an unknown answer included: an unconfirmed payment is never shown as paid.
 */
export function payoutState(payout: PurchaseWithPayout['payout']): PayoutState {
  if (payout?.status === 'succeeded') return 'paid';
  if (payout?.status === 'failed') return 'failed';
  return 'pending';
}

export function toPurchaseView(
  encryptor: Encryptor,
  config: Pick<Config, 'publicUrl'>,
  { purchase, farmerNameEnc, payout }: PurchaseWithPayout,
): PurchaseView {
  const state = payoutState(payout);
  return {
    id: purchase.id,
    clientPurchaseId: purchase.clientPurchaseId,
    farmerId: purchase.farmerId,
    farmerName: maskedFarmerName(encryptor, { nameEnc: farmerNameEnc }),
    produce: purchase.produce,
    weightGrams: purchase.weightGrams,
    unitPriceFenPerKg: purchase.unitPriceFenPerKg,
    amountFen: purchase.amountFen,
    currency: 'CNY',
    recordedAt: purchase.recordedAt.toISOString(),
    purchaseDay: purchase.purchaseDay,
    createdAt: purchase.createdAt.toISOString(),
    payoutStatus: state,
    payoutFailureCode: state === 'failed' ? (payout?.failureCode ?? null) : null,
    payoutFailureReason: state === 'failed' ? (payout?.failureMessage ?? null) : null,
    receiptUrl: receiptUrl(config, purchase.receiptToken),
  };
}

function purchasesWithPayouts(db: Db, where: SQL | undefined) {
  return db
    .select({
      purchase: farmerPurchases,
      farmerNameEnc: farmers.nameEnc,
      farmerAccountNumberEnc: farmers.accountNumberEnc,
      payout: {
        status: payouts.status,
        failureCode: payouts.failureCode,
        failureMessage: payouts.failureMessage,
      },
    })
    .from(farmerPurchases)
    .innerJoin(farmers, eq(farmers.id, farmerPurchases.farmerId))
    .leftJoin(payouts, eq(payouts.id, farmerPurchases.payoutId))
    .where(where);
}

/** One purchase of a purchaser with its payout as it stands now. */
export async function purchaseWithPayout(
  db: Db,
  purchaserMerchantId: string,
  purchaseId: string,
): Promise<PurchaseWithPayout> {
  const [row] = await purchasesWithPayouts(
    db,
    and(
      eq(farmerPurchases.id, purchaseId),
      eq(farmerPurchases.purchaserMerchantId, purchaserMerchantId),
    ),
  );
  if (!row) throw new AppError('resource_not_found');
  return row;
}

/** The purchase behind a receipt link, whoever holds the link; null for an unknown token. */
export async function purchaseByReceiptToken(
  db: Db,
  receiptToken: string,
): Promise<PurchaseWithPayout | null> {
  const [row] = await purchasesWithPayouts(db, eq(farmerPurchases.receiptToken, receiptToken));
  return row ?? null;
}

/** A purchaser's purchases, newest first, by day (of the device's time), farmer and produce. */
export async function listPurchases(
  db: Db,
  encryptor: Encryptor,
  config: Pick<Config, 'publicUrl'>,
  purchaserMerchantId: string,
  query: PurchaseListQuery,
): Promise<{ data: PurchaseView[]; hasMore: boolean }> {
  const filters: SQL[] = [eq(farmerPurchases.purchaserMerchantId, purchaserMerchantId)];
  if (query.day) filters.push(eq(farmerPurchases.purchaseDay, query.day));
  if (query.farmerId) filters.push(eq(farmerPurchases.farmerId, query.farmerId));
  if (query.produce) filters.push(eq(farmerPurchases.produce, query.produce));
  if (query.startingAfter) filters.push(lt(farmerPurchases.id, query.startingAfter));
  const rows = await purchasesWithPayouts(db, and(...filters))
    .orderBy(desc(farmerPurchases.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit);
  return {
    data: page.data.map((row) => toPurchaseView(encryptor, config, row)),
    hasMore: page.hasMore,
  };
}
