import { and, eq } from 'drizzle-orm';
import type { Principal } from '../../platform/auth/principal.js';
import { shanghaiDay } from '../../platform/clock.js';
import { randomToken } from '../../platform/crypto/tokens.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import { formatYuan } from '../../platform/money.js';
import { createPayout, submitPayout } from '../payouts/index.js';
import type { FarmerDeps } from './deps.js';
import { purchasersFarmer } from './farmers.js';
import { purchaseAmountFen } from './purchase-amount.js';
import { purchaseWithPayout, toPurchaseView } from './purchase-view.js';
import { callerPurchaser } from './purchaser-scope.js';
import type { PurchaseView, RecordPurchaseInput } from './schemas.js';
import { type FarmerPurchaseRow, farmerPurchases } from './tables.js';

/** The purchase a sync refers to, and whether this sync is the one that recorded it. */
export type RecordedPurchase = { purchaseId: string; created: boolean };

/**
 * Records a field purchase and the payout that pays the farmer, in the caller's transaction.
 * The purchaser's app may have recorded it offline and sync it any number of times, also
 * concurrently: `clientPurchaseId` is unique per purchaser, so the second sync finds the first
 * purchase (or waits at the unique index for it to commit) and answers it, and the payout is
 * unique per purchase. The same id with other content is refused: it is a bug in the app or a
 * replay of something else, and paying either version could be wrong. When the funds cannot
 * cover the amount the payout throws `insufficient_balance` and nothing is written.
 */
export async function recordPurchase(
  tx: Db,
  deps: Pick<FarmerDeps, 'clock' | 'encryptor'>,
  principal: Principal,
  input: RecordPurchaseInput,
): Promise<RecordedPurchase> {
  const amountFen = checkedAmountFen(input);
  const purchaser = await callerPurchaser(tx, principal, { write: true });
  const earlier = await purchaseOfClientId(tx, purchaser.id, input.clientPurchaseId);
  if (earlier) return { purchaseId: sameContentOrConflict(earlier, input), created: false };

  const farmer = await purchasersFarmer(tx, purchaser.id, input.farmerId);
  if (farmer.status !== 'active') throw new AppError('farmer_not_active', { param: 'farmerId' });
  const now = deps.clock.now();
  const recordedAt = new Date(input.recordedAt);
  const [purchase] = await tx
    .insert(farmerPurchases)
    .values({
      id: newId('farmerPurchase', now.getTime()),
      purchaserMerchantId: purchaser.id,
      clientPurchaseId: input.clientPurchaseId,
      farmerId: farmer.id,
      produce: input.produce,
      weightGrams: input.weightGrams,
      unitPriceFenPerKg: input.unitPriceFenPerKg,
      amountFen,
      recordedAt,
      purchaseDay: shanghaiDay(recordedAt),
      receiptToken: randomToken(24),
      recordedByUserId: principal.userId,
      createdAt: now,
    })
    .onConflictDoNothing({
      target: [farmerPurchases.purchaserMerchantId, farmerPurchases.clientPurchaseId],
    })
    .returning();
  if (!purchase) {
    // A concurrent sync of the same purchase committed while this one was checking.
    const winner = await purchaseOfClientId(tx, purchaser.id, input.clientPurchaseId);
    if (!winner) throw new Error(`Purchase ${input.clientPurchaseId} neither inserted nor found`);
    return { purchaseId: sameContentOrConflict(winner, input), created: false };
  }
  const payout = await createPayout(tx, deps, {
    purpose: 'farmer_purchase',
    sourceId: purchase.id,
    merchantId: purchaser.id,
    amountFen,
    from: 'purchaser_funds',
    payee: {
      accountNumber: deps.encryptor.decrypt(farmer.accountNumberEnc),
      name: deps.encryptor.decrypt(farmer.nameEnc),
      bankCode: farmer.bankCode,
    },
    memo: `${purchaser.shortName ?? ''}收购${input.produce}`,
    mode: 'sync',
  });
  await tx
    .update(farmerPurchases)
    .set({ payoutId: payout.id })
    .where(eq(farmerPurchases.id, purchase.id));
  return { purchaseId: purchase.id, created: true };
}

/**
 * After the purchase committed: pays the farmer now if nobody has sent the payout yet (also on
 * a re-sync, since the app syncing again may mean the process that recorded it died before
 * sending), then answers the purchase with the payout as it stands. The core bank treats a
 * repeated instruction as the same one, so two syncs sending it at once still pay once. A
 * failed call leaves the payout pending for the payouts sweeper; the purchase is recorded.
 */
export async function payAndShowPurchase(
  deps: FarmerDeps,
  principal: Principal,
  purchaseId: string,
): Promise<PurchaseView> {
  const purchaserId = principal.merchantId ?? 'mch_none';
  const before = await purchaseWithPayout(deps.db, purchaserId, purchaseId);
  if (before.payout?.status === 'created' && before.purchase.payoutId) {
    try {
      await submitPayout(deps, before.purchase.payoutId);
    } catch (error) {
      deps.logger.warn(
        { err: error, purchaseId, payoutId: before.purchase.payoutId },
        'farmer payout not sent; the sweeper retries it',
      );
    }
  }
  const after = await purchaseWithPayout(deps.db, purchaserId, purchaseId);
  return toPurchaseView(deps.encryptor, deps.config, after);
}

/** The amount the app sent, when it is the one weight and unit price give. */
function checkedAmountFen(input: RecordPurchaseInput): number {
  const expected = purchaseAmountFen(input.weightGrams, input.unitPriceFenPerKg);
  if (input.amountFen === expected) return expected;
  throw new AppError('validation_failed', {
    param: 'amountFen',
    fieldErrors: [
      {
        param: 'amountFen',
        code: 'amount_mismatch',
        message: {
          zh: `金额与重量、单价不符：应为 ${formatYuan(expected)} 元（${expected} 分）`,
          en: `The amount does not match weight and unit price: it should be ${formatYuan(expected)} CNY (${expected} fen)`,
        },
      },
    ],
  });
}

async function purchaseOfClientId(
  tx: Db,
  purchaserMerchantId: string,
  clientPurchaseId: string,
): Promise<FarmerPurchaseRow | undefined> {
  const [row] = await tx
    .select()
    .from(farmerPurchases)
    .where(
      and(
        eq(farmerPurchases.purchaserMerchantId, purchaserMerchantId),
        eq(farmerPurchases.clientPurchaseId, clientPurchaseId),
      ),
    );
  return row;
}

/** The earlier purchase's id when the sync carries the same purchase, else a conflict. */
function sameContentOrConflict(earlier: FarmerPurchaseRow, input: RecordPurchaseInput): string {
  const same =
    earlier.farmerId === input.farmerId &&
    earlier.produce === input.produce &&
    earlier.weightGrams === input.weightGrams &&
    earlier.unitPriceFenPerKg === input.unitPriceFenPerKg &&
    earlier.amountFen === input.amountFen &&
    earlier.recordedAt.getTime() === new Date(input.recordedAt).getTime();
  if (!same) throw new AppError('farmer_purchase_conflict', { param: 'clientPurchaseId' });
  return earlier.id;
}
