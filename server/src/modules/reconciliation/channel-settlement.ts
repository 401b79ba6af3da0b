import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { type PostingLine, postJournal } from '../ledger/index.js';
import type { StatementChannel } from './tables.js';

export const channelSettlementKind = 'channel_settlement';
export const settlementCorrectionKind = 'channel_settlement_correction';

/**
 * The channel settles to the bank (DESIGN.md §5): Dr bank_settlement, Cr channel_receivable:C.
 *
 * Why the matched net is what the receivable holds for these items: a succeeded payment posted
 * Dr channel_receivable its whole amount (the merchant's share and our fee are both in it); a
 * refund first moved the merchant's money to refund_clearing on acceptance, and when the
 * channel confirmed it, Dr refund_clearing / Cr channel_receivable the refund's amount. So for
 * a day the receivable owes (matched payments − matched refunds), and that is what clears. A
 * negative net (more refunds than takings) is the same journal with the sides swapped, which
 * signed amounts give for free. Breaks stay in the receivable until they are resolved
 * (adjusting-journal.ts). The channel's own service fee is not in our books (the receivable is
 * gross), so it is not taken off here.
 */
export function settlementLines(channel: StatementChannel, netFen: number): PostingLine[] {
  return [
    { account: { kind: 'bank_settlement' }, amountFen: netFen },
    { account: { kind: 'channel_receivable', ownerId: channel }, amountFen: -netFen },
  ];
}

/**
 * Posts the settlement of a channel's day once: the journal is unique per (kind, source), and
 * the source is `<channel>:<date>`. A later file that supersedes the first result posts only
 * the difference, under its own import id. Null when there is nothing to post (a zero net).
 */
export async function postChannelSettlement(
  tx: Db,
  clock: Clock,
  input: {
    channel: StatementChannel;
    statementDate: string;
    importId: string;
    netFen: number;
    /** The net posted already for this channel and date by the result being superseded. */
    postedNetFen: number | null;
  },
): Promise<string | null> {
  const first = input.postedNetFen === null;
  const amountFen = input.netFen - (input.postedNetFen ?? 0);
  if (amountFen === 0) return null;
  const posted = await postJournal(tx, clock, {
    kind: first ? channelSettlementKind : settlementCorrectionKind,
    sourceType: first ? 'channel_day' : 'statement_import',
    sourceId: first ? `${input.channel}:${input.statementDate}` : input.importId,
    merchantId: null,
    description: first
      ? `渠道结算 ${input.channel} ${input.statementDate}`
      : `渠道结算更正 ${input.channel} ${input.statementDate}（对账单 ${input.importId}）`,
    lines: settlementLines(input.channel, amountFen),
  });
  return posted.journalId;
}
