import {
  type ChannelAck,
  NotificationRejected,
  type RawNotification,
} from '../../adapters/channels/channel-client.js';
import type { PayoutNotification } from '../../adapters/corebank/corebank-client.js';
import type { Actor } from '../../platform/auth/principal.js';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../audit/index.js';
import type { PayoutDeps } from './deps.js';
import { applyPayoutOutcome } from './payout-outcome.js';
import { parseInstructionId, payoutById } from './submit-payout.js';

/**
 * The core bank's notification of a payout's outcome. Its signature is verified by the client,
 * then its amount against our payout; only then does it move the payout, and only once per
 * attempt (the payout's status is the deduplication: a replay finds the attempt final and is
 * acknowledged so the bank stops retrying). A forged or mismatching one changes nothing and is
 * audited as a security event.
 */
export async function receivePayoutNotification(
  deps: PayoutDeps,
  raw: RawNotification,
  actor: Actor,
): Promise<{ ack: ChannelAck; outcome: 'applied' | 'duplicate' | 'rejected' }> {
  let notification: PayoutNotification;
  try {
    notification = deps.coreBank.verifyNotification(raw);
  } catch (error) {
    const reason =
      error instanceof NotificationRejected ? error.message : 'unreadable notification';
    await rejectAsSecurityEvent(deps, actor, reason, null);
    return { ack: deps.coreBank.acknowledge(false), outcome: 'rejected' };
  }
  const mismatch = await mismatchWithOurPayout(deps.db, notification);
  if (mismatch) {
    await rejectAsSecurityEvent(deps, actor, mismatch, notification.instructionId);
    return { ack: deps.coreBank.acknowledge(false), outcome: 'rejected' };
  }
  const { payoutId, attempt } = parseInstructionId(notification.instructionId);
  const { applied } = await deps.db.transaction((tx: Db) =>
    applyPayoutOutcome(
      tx,
      deps.clock,
      payoutId,
      attempt,
      notification.status === 'succeeded'
        ? { status: 'succeeded', gatewayReference: notification.gatewayReference }
        : {
            status: 'failed',
            failureCode: notification.failureCode ?? 'rejected',
            failureMessage: notification.failureMessage ?? '',
            gatewayReference: notification.gatewayReference,
          },
    ),
  );
  return { ack: deps.coreBank.acknowledge(true), outcome: applied ? 'applied' : 'duplicate' };
}

async function mismatchWithOurPayout(
  db: Db,
  notification: PayoutNotification,
): Promise<string | null> {
  let payoutId: string;
  try {
    payoutId = parseInstructionId(notification.instructionId).payoutId;
  } catch {
    return 'unknown instruction id';
  }
  const payout = await payoutById(db, payoutId).catch(() => null);
  if (!payout) return 'unknown payout';
  if (payout.amountFen !== notification.amountFen) return 'amount differs from the payout';
  return null;
}

async function rejectAsSecurityEvent(
  deps: PayoutDeps,
  actor: Actor,
  reason: string,
  instructionId: string | null,
): Promise<void> {
  deps.logger.warn(
    { reason, instructionId, ip: actor.ip },
    'security: payout notification rejected',
  );
  await deps.db.transaction((tx: Db) =>
    recordAudit(tx, deps.clock, actor, {
      action: 'security.notification_rejected',
      targetType: 'payout',
      targetId: instructionId,
      scopePath: null,
      after: { source: 'corebank', reason },
    }),
  );
}
