import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { type AccountRef, postJournal } from '../ledger/index.js';
import type { PayoutRow } from './tables.js';

/**
 * The three postings of a payout (DESIGN.md §5), one journal each per attempt, so a retried
 * payout posts again under its own source and a repeated outcome cannot post twice:
 * - sent: Dr <source account> / Cr payout_in_transit — the money leaves the merchant's (or the
 *   purchaser's) balance the moment the instruction exists, so it cannot be paid out twice;
 * - confirmed: Dr payout_in_transit / Cr bank_settlement — the core bank booked it;
 * - returned: Dr payout_in_transit / Cr <source account> — the core bank refused it, the money
 *   is owed to the merchant again (and held, see fail-payout.ts).
 */
type PayoutEvent = 'sent' | 'confirmed' | 'returned';

const descriptions: Record<PayoutEvent, string> = {
  sent: '付款指令',
  confirmed: '付款到账',
  returned: '付款退回',
};

function sourceAccount(payout: PayoutRow): AccountRef {
  return { kind: payout.sourceAccount, ownerId: payout.merchantId, merchantId: payout.merchantId };
}

export async function postPayout(
  tx: Db,
  clock: Clock,
  payout: PayoutRow,
  event: PayoutEvent,
): Promise<string> {
  const inTransit: AccountRef = { kind: 'payout_in_transit' };
  const [debit, credit]: [AccountRef, AccountRef] =
    event === 'sent'
      ? [sourceAccount(payout), inTransit]
      : event === 'confirmed'
        ? [inTransit, { kind: 'bank_settlement' }]
        : [inTransit, sourceAccount(payout)];
  const posted = await postJournal(tx, clock, {
    kind: `payout_${event}`,
    sourceType: 'payout',
    sourceId: `${payout.id}:${payout.attempt}`,
    merchantId: payout.merchantId,
    description: `${descriptions[event]} ${payout.id}`,
    lines: [
      { account: debit, amountFen: payout.amountFen },
      { account: credit, amountFen: -payout.amountFen },
    ],
  });
  return posted.journalId;
}
