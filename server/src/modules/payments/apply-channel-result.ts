import type { ChannelPaymentResult } from '../../adapters/channels/channel-client.js';
import type { Db } from '../../platform/db/database.js';
import type { PaymentDeps } from './deps.js';
import { endPayment, lockPayment, succeedPayment } from './payment-transitions.js';
import type { PaymentRow } from './tables.js';

/**
 * Applies what a channel answered (to a payment call or a query) to the payment, under its row
 * lock. Pending and unknown answers change nothing: the poll or query job asks again.
 * `closed` means the channel closed or reversed the order unpaid.
 */
export async function applyChannelResult(
  deps: Pick<PaymentDeps, 'db' | 'clock'>,
  paymentId: string,
  result: ChannelPaymentResult,
  closedAs: 'expired' | 'cancelled' = 'cancelled',
): Promise<PaymentRow> {
  return deps.db.transaction(async (tx: Db) => {
    const payment = await lockPayment(tx, paymentId);
    if (result.status === 'succeeded') {
      await succeedPayment(tx, deps.clock, payment, result);
    } else if (result.status === 'failed') {
      await endPayment(tx, deps.clock, payment, 'failed', {
        code: result.failureCode,
        message: result.failureMessage,
      });
    } else if (result.status === 'closed') {
      await endPayment(tx, deps.clock, payment, closedAs);
    }
    return lockPayment(tx, paymentId);
  });
}
