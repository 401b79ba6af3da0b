import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor, Principal } from '../../platform/auth/principal.js';
import type { Db } from '../../platform/db/database.js';
import { AppError, type FieldError } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import { maskField } from '../../platform/masking.js';
import {
  checkBankAccountNumber,
  normaliseAccountNumber,
} from '../../platform/validation/bank-card.js';
import { recordAudit } from '../audit/index.js';
import { countFailedStepUp, verifyStepUpCode } from '../identity/index.js';
import type { MerchantDeps } from './deps.js';
import { merchantForCaller, merchantScopePath } from './merchant-scope.js';
import { maskedPersonal } from './merchant-view.js';
import { notifyMerchant } from './notify-merchant.js';
import { type accountChangeSchema, merchantIdParams } from './schemas.js';
import { isSettlementBank } from './settlement-banks.js';
import { merchants, settlementAccountChanges } from './tables.js';

export const applyAccountChangeJob = 'merchants.apply_account_change';

export const requestAccountChangeBodySchema = z.strictObject({
  accountName: z.string().trim().min(1).max(100),
  accountNumber: z.string().trim().min(1).max(23).describe('16–19 digits; spaces are ignored'),
  bankCode: z
    .string()
    .regex(/^\d{3}$/)
    .describe('Bank category code from the settlement bank list'),
  mfaCode: z
    .string()
    .trim()
    .min(1)
    .max(10)
    .describe('The current code of the owner’s authenticator: a fresh second factor'),
});

export const accountChangeParams = z.object({ changeId: z.string() });
export const merchantAccountChangeParams = merchantIdParams.extend({ changeId: z.string() });

type AccountChangeView = z.infer<typeof accountChangeSchema>;
type ChangeRow = typeof settlementAccountChanges.$inferSelect;
type Caller = { principal: Principal; actor: Actor };

/** The actor of what the job queue does on its own, such as applying a change after its hold. */
const systemActor: Actor = {
  userId: null,
  username: 'system',
  roles: [],
  orgNodeId: null,
  ip: null,
  requestId: null,
};

function toAccountChangeView(deps: Pick<MerchantDeps, 'encryptor'>, row: ChangeRow) {
  return {
    id: row.id,
    status: row.status,
    accountName: maskField('accountName', row.accountName) as string,
    accountNumber: maskedPersonal(deps.encryptor, 'accountNumber', row.accountNumberEnc) ?? '',
    bankCode: row.bankCode,
    requestedAt: row.requestedAt.toISOString(),
    effectiveAt: row.effectiveAt.toISOString(),
  } satisfies AccountChangeView;
}

function checkNewAccount(input: { accountNumber: string; bankCode: string }): {
  luhn: boolean;
} {
  const errors: FieldError[] = [];
  const account = checkBankAccountNumber(input.accountNumber);
  if (!account.ok) {
    errors.push({
      param: 'accountNumber',
      code: 'account_format',
      message: {
        zh: '银行账号应为 16 到 19 位数字',
        en: 'A bank account number has 16 to 19 digits',
      },
    });
  }
  if (!isSettlementBank(input.bankCode)) {
    errors.push({
      param: 'bankCode',
      code: 'bank_unknown',
      message: { zh: '请从列表中选择开户银行', en: 'Please choose the bank from the list' },
    });
  }
  if (errors.length > 0) {
    throw new AppError('validation_failed', { param: errors[0]?.param, fieldErrors: errors });
  }
  return { luhn: account.ok && account.luhn };
}

/**
 * The owner asks to settle to another account. It needs a fresh authenticator code, and takes
 * effect only after the hold (config.accountChangeHoldMs) during which the merchant and its
 * branch see it pending and either can cancel it: a stolen session alone cannot redirect the
 * merchant's money, and a stolen phone gives the real owner a day to notice the text message.
 * A number failing the Luhn check is accepted (some real accounts do) and noted in the audit.
 */
export async function requestAccountChange(
  tx: Db,
  deps: MerchantDeps,
  caller: Caller,
  merchantId: string,
  input: z.infer<typeof requestAccountChangeBodySchema>,
): Promise<AccountChangeView> {
  const merchant = await merchantForCaller(tx, caller.principal, merchantId, { forUpdate: true });
  if (merchant.status !== 'active') throw new AppError('merchant_not_active');
  const { luhn } = checkNewAccount(input);
  await verifyStepUpCode(tx, deps, caller.principal.userId, input.mfaCode);
  const [pending] = await tx
    .select({ id: settlementAccountChanges.id })
    .from(settlementAccountChanges)
    .where(
      and(
        eq(settlementAccountChanges.merchantId, merchant.id),
        eq(settlementAccountChanges.status, 'pending'),
      ),
    );
  if (pending) throw new AppError('account_change_pending');
  const now = deps.clock.now();
  const accountNumber = normaliseAccountNumber(input.accountNumber);
  const [change] = await tx
    .insert(settlementAccountChanges)
    .values({
      id: newId('accountChange', now.getTime()),
      merchantId: merchant.id,
      status: 'pending',
      accountName: input.accountName,
      accountNumberEnc: deps.encryptor.encrypt(accountNumber),
      bankCode: input.bankCode,
      requestedByUserId: caller.principal.userId,
      requestedAt: now,
      effectiveAt: new Date(now.getTime() + deps.config.accountChangeHoldMs),
    })
    .returning();
  if (!change) throw new Error('unreachable: an insert returns its row');
  await deps.jobs.enqueue(
    tx,
    applyAccountChangeJob,
    { changeId: change.id },
    { runAt: change.effectiveAt },
  );
  await recordAudit(tx, deps.clock, caller.actor, {
    action: 'merchant.account_change_requested',
    targetType: 'merchant',
    targetId: merchant.id,
    scopePath: await merchantScopePath(tx, merchant),
    after: {
      changeId: change.id,
      accountName: input.accountName,
      accountNumber,
      bankCode: input.bankCode,
      effectiveAt: change.effectiveAt.toISOString(),
      luhnCheck: luhn ? 'passed' : 'failed',
    },
  });
  const view = toAccountChangeView(deps, change);
  await notifyMerchant(tx, deps, {
    merchantId: merchant.id,
    kind: 'account_change_requested',
    params: { accountNumber: view.accountNumber, effectiveAt: view.effectiveAt },
  });
  return view;
}

/**
 * Counts a wrong step-up code after the request's transaction rolled back, so guessing codes
 * locks the account like guessing them at login; any other error passes through unchanged.
 */
export async function countStepUpFailure(
  deps: MerchantDeps,
  caller: Caller,
  error: unknown,
): Promise<unknown> {
  if (!(error instanceof AppError) || error.code !== 'mfa_code_invalid') return error;
  return countFailedStepUp(deps.db, deps, caller.actor, caller.principal.userId);
}

/**
 * Withdraws a pending change, by the merchant's owner or by its branch; after the hold it has
 * been applied and only a new change can undo it.
 */
export async function cancelAccountChange(
  tx: Db,
  deps: MerchantDeps,
  caller: Caller,
  merchantId: string,
  changeId: string,
): Promise<AccountChangeView> {
  const merchant = await merchantForCaller(tx, caller.principal, merchantId, { forUpdate: true });
  const [current] = await tx
    .select()
    .from(settlementAccountChanges)
    .where(
      and(
        eq(settlementAccountChanges.id, changeId),
        eq(settlementAccountChanges.merchantId, merchant.id),
      ),
    )
    .for('update');
  if (!current) throw new AppError('resource_not_found');
  if (current.status !== 'pending') throw new AppError('invalid_state_transition');
  const now = deps.clock.now();
  const [change] = await tx
    .update(settlementAccountChanges)
    .set({ status: 'cancelled', cancelledByUserId: caller.principal.userId, closedAt: now })
    .where(eq(settlementAccountChanges.id, current.id))
    .returning();
  if (!change) throw new Error('unreachable: the change is locked');
  const by = caller.principal.realm === 'merchant' ? 'merchant' : 'bank';
  await recordAudit(tx, deps.clock, caller.actor, {
    action: 'merchant.account_change_cancelled',
    targetType: 'merchant',
    targetId: merchant.id,
    scopePath: await merchantScopePath(tx, merchant),
    // The id only on one side: the audit keeps the fields that differ.
    before: { status: 'pending' },
    after: { changeId: change.id, status: 'cancelled', cancelledBy: by },
  });
  const view = toAccountChangeView(deps, change);
  await notifyMerchant(tx, deps, {
    merchantId: merchant.id,
    kind: 'account_change_cancelled',
    params: { accountNumber: view.accountNumber, cancelledBy: by },
  });
  return view;
}

/**
 * The job run at a change's effective time: it writes the new account onto the merchant, if
 * the change is still pending. A cancelled or already applied change is left alone, so the
 * job may run any number of times.
 */
export async function applyDueAccountChange(deps: MerchantDeps, changeId: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const [found] = await tx
      .select({ merchantId: settlementAccountChanges.merchantId })
      .from(settlementAccountChanges)
      .where(eq(settlementAccountChanges.id, changeId));
    if (!found) return;
    // The merchant first, then the change: the order a cancellation locks them in.
    const [merchant] = await tx
      .select()
      .from(merchants)
      .where(eq(merchants.id, found.merchantId))
      .for('update');
    const [change] = await tx
      .select()
      .from(settlementAccountChanges)
      .where(eq(settlementAccountChanges.id, changeId))
      .for('update');
    if (!merchant || change?.status !== 'pending') return;
    const now = deps.clock.now();
    if (change.effectiveAt.getTime() > now.getTime()) {
      // Run early (a clock moved back, a job re-run by hand): wait for the hold to end.
      await deps.jobs.enqueue(
        tx,
        applyAccountChangeJob,
        { changeId },
        { runAt: change.effectiveAt },
      );
      return;
    }
    await tx
      .update(merchants)
      .set({
        settlementAccountName: change.accountName,
        settlementAccountNumberEnc: change.accountNumberEnc,
        settlementBankCode: change.bankCode,
        updatedAt: now,
      })
      .where(eq(merchants.id, merchant.id));
    await tx
      .update(settlementAccountChanges)
      .set({ status: 'applied', closedAt: now })
      .where(eq(settlementAccountChanges.id, change.id));
    const decrypt = (stored: string | null) =>
      stored === null ? null : deps.encryptor.decrypt(stored);
    await recordAudit(tx, deps.clock, systemActor, {
      action: 'merchant.account_change_applied',
      targetType: 'merchant',
      targetId: merchant.id,
      scopePath: await merchantScopePath(tx, merchant),
      before: {
        settlementAccountName: merchant.settlementAccountName,
        settlementAccountNumber: decrypt(merchant.settlementAccountNumberEnc),
        settlementBankCode: merchant.settlementBankCode,
      },
      after: {
        changeId: change.id,
        settlementAccountName: change.accountName,
        settlementAccountNumber: decrypt(change.accountNumberEnc),
        settlementBankCode: change.bankCode,
      },
    });
    await notifyMerchant(tx, deps, {
      merchantId: merchant.id,
      kind: 'account_change_applied',
      params: {
        accountNumber:
          maskedPersonal(deps.encryptor, 'accountNumber', change.accountNumberEnc) ?? '',
      },
    });
  });
}
