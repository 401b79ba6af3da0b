import type { PostingLine } from '../ledger/index.js';
import type { ReconBreakRow } from './tables.js';

/**
 * The journal that books a break the channel's way (`accept_channel`). The day's settlement
 * (channel-settlement.ts) cleared only matched items, while the channel's own settlement to the
 * bank carried every line of its file. So for a break, with X what the channel says moved on
 * its line and O what we booked against its receivable:
 * - bank_settlement takes X: the money the channel's settlement carried for this line;
 * - channel_receivable:C gives up O: what we booked as owed and the settlement did not clear;
 * - recon_suspense takes the rest, O − X: a debit is money we booked and did not get, a credit
 *   money we got and cannot yet attribute, both for an investigation to clear (to a merchant,
 *   a claim on the channel, or a loss).
 * Refunds flow the other way (the channel paid them out of its settlement and our refund
 * reduced the receivable), so their signs are the reverse. For example a payment missing on
 * our side is Dr bank_settlement X / Cr recon_suspense X; one missing at the channel is
 * Dr recon_suspense O / Cr channel_receivable O; an amount that differs books both sides and
 * leaves the difference in suspense. A duplicate's O is nought: the first line matched ours.
 */
export function adjustingLines(found: ReconBreakRow): PostingLine[] {
  const sign = found.subject === 'refund' ? -1 : 1;
  const moved = found.theirStatus === 'succeeded' || found.theirStatus === 'refunded';
  const theirFen = moved ? (found.theirAmountFen ?? 0) : 0;
  const booked = found.kind !== 'duplicate' && found.ourStatus === 'succeeded';
  const ourFen = booked ? (found.ourAmountFen ?? 0) : 0;
  return [
    { account: { kind: 'bank_settlement' as const }, amountFen: sign * theirFen },
    {
      account: { kind: 'channel_receivable' as const, ownerId: found.channel },
      amountFen: -sign * ourFen,
    },
    { account: { kind: 'recon_suspense' as const }, amountFen: sign * (ourFen - theirFen) },
  ].filter((line) => line.amountFen !== 0);
}
