import { and, eq } from 'drizzle-orm';
import type { Actor, Principal } from '../../platform/auth/principal.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import { recordAudit } from '../audit/index.js';
import { postJournal } from '../ledger/index.js';
import { merchantForCaller, merchantScopePath } from '../merchants/index.js';
import { purchaserBalanceFen, purchaserFundsAccount } from './purchaser-funds.js';
import { assertPurchaser } from './purchaser-scope.js';
import type { DepositInput, DepositView } from './schemas.js';
import { purchaserDeposits } from './tables.js';

/**
 * The bank credits money a produce purchaser paid in (at the counter, by transfer) to the
 * purchaser's funds: Dr bank_settlement / Cr purchaser_funds:<merchant>. Staff see only the
 * purchasers of their branch subtree; anyone else's is a 404. The voucher reference is unique
 * per purchaser, so the same voucher keyed in twice is refused rather than credited twice.
 */
export async function depositPurchaserFunds(
  tx: Db,
  deps: { clock: Clock },
  caller: { principal: Principal; actor: Actor },
  merchantId: string,
  input: DepositInput,
): Promise<DepositView> {
  const merchant = await merchantForCaller(tx, caller.principal, merchantId, { forUpdate: true });
  assertPurchaser(merchant);
  const [earlier] = await tx
    .select({ id: purchaserDeposits.id })
    .from(purchaserDeposits)
    .where(
      and(
        eq(purchaserDeposits.merchantId, merchant.id),
        eq(purchaserDeposits.reference, input.reference),
      ),
    );
  if (earlier) throw new AppError('purchaser_deposit_exists', { param: 'reference' });
  const now = deps.clock.now();
  const id = newId('purchaserDeposit', now.getTime());
  const { journalId } = await postJournal(tx, deps.clock, {
    kind: 'purchaser_deposit',
    sourceType: 'purchaser_deposit',
    sourceId: id,
    merchantId: merchant.id,
    description: `收购资金入账 ${input.reference}`,
    lines: [
      { account: { kind: 'bank_settlement' }, amountFen: input.amountFen },
      { account: purchaserFundsAccount(merchant.id), amountFen: -input.amountFen },
    ],
  });
  const [row] = await tx
    .insert(purchaserDeposits)
    .values({
      id,
      merchantId: merchant.id,
      amountFen: input.amountFen,
      reference: input.reference,
      journalId,
      depositedByUserId: caller.actor.userId,
      createdAt: now,
    })
    .returning();
  if (!row) throw new Error('Deposit insert returned no row');
  const balanceFen = await purchaserBalanceFen(tx, merchant.id);
  await recordAudit(tx, deps.clock, caller.actor, {
    action: 'farmer.purchaser_funds_deposited',
    targetType: 'merchant',
    targetId: merchant.id,
    scopePath: await merchantScopePath(tx, merchant),
    after: { depositId: id, amountFen: input.amountFen, reference: input.reference, balanceFen },
  });
  return {
    id,
    merchantId: merchant.id,
    amountFen: row.amountFen,
    currency: 'CNY',
    reference: row.reference,
    balanceFen,
    createdAt: row.createdAt.toISOString(),
  };
}
