import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createStaffUser, type Session, signIn } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { merchantAtTill } from '../../../test/payment-factories.js';
import { auditEvents } from '../audit/tables.js';
import { journalsForSources, ledgerJournals, trialBalance } from '../ledger/index.js';
import type { reconBreakSchema } from './schemas.js';
import {
  moveToDay,
  nextDay,
  paymentRecord,
  statementFile,
  uploadStatement,
  wechatPayment,
} from './statement-test-support.js';

let testApp: TestApp;

beforeAll(async () => {
  testApp = await createTestApp();
});
afterAll(() => testApp.close());

async function staffAs(role: string): Promise<Session> {
  const user = await createStaffUser(testApp.db, { nodeCode: 'QD000', roles: [role] });
  return (await signIn(testApp, user.username)).session;
}

type Break = z.infer<typeof reconBreakSchema>;

function entriesOf(journal: { entries: { accountCode: string; amountFen: number }[] } | undefined) {
  return journal?.entries.map((entry) => [entry.accountCode, entry.amountFen]).sort();
}

describe('the break workbench', () => {
  it('timing and escalate at once; accept_channel waits for another approver, who posts the journal', async () => {
    const day = '2027-04-01';
    moveToDay(testApp, day);
    const till = await merchantAtTill(testApp);
    const matched = await wechatPayment(testApp, till, 10_000);
    const short = await wechatPayment(testApp, till, 3_000);
    const unlisted = await wechatPayment(testApp, till, 1_200);
    const stranger = (n: number, amountFen: number) =>
      paymentRecord(matched, {
        channelTransactionId: `42000009990000000000${n}`,
        outTradeNo: `pay_unknown_${n}`,
        amountFen,
      });
    const file = await statementFile('wechat', day, [
      paymentRecord(matched),
      paymentRecord(short, { amountFen: 2_990 }),
      stranger(11, 500),
      stranger(12, 600),
    ]);
    moveToDay(testApp, nextDay(day));
    const maker = await staffAs('operator');
    const manager = await staffAs('branch_manager');
    const checker = await staffAs('risk');
    const imported = (await uploadStatement(maker, 'wechat', day, file)).json();
    expect(imported.breaksByKind).toMatchObject({
      missing_ours: 2,
      amount_differs: 1,
      missing_channel: 1,
    });
    const breaks: Break[] = (
      await maker.request('GET', `/api/v1/reconciliation/breaks?importId=${imported.id}`)
    ).json().data;
    const find = (predicate: (found: Break) => boolean) => breaks.find(predicate) as Break;
    const timingBreak = find((found) => found.paymentId === unlisted.id);
    const amountBreak = find((found) => found.kind === 'amount_differs');
    const strangerBreak = find((found) => found.theirs?.amountFen === 500);
    const rejectedBreak = find((found) => found.theirs?.amountFen === 600);
    const act = (session: Session, found: Break, verb: string, body?: object) =>
      session.request('POST', `/api/v1/reconciliation/breaks/${found.id}/${verb}`, body);

    expect((await act(maker, timingBreak, 'resolve', { action: 'timing' })).statusCode).toBe(400);
    const timing = await act(maker, timingBreak, 'resolve', {
      action: 'timing',
      reason: '次日对账单会列出',
    });
    expect(timing.json()).toMatchObject({ status: 'timing', resolutionAction: 'timing' });
    const escalated = await act(maker, amountBreak, 'resolve', {
      action: 'escalate',
      reason: '金额差 10 分，联系微信',
    });
    expect(escalated.json()).toMatchObject({ status: 'escalated' });

    const proposed = await act(manager, strangerBreak, 'resolve', {
      action: 'accept_channel',
      reason: '微信已结算，待查明商户',
    });
    expect(proposed.json()).toMatchObject({ status: 'pending_approval', adjustingJournalId: null });
    expect(await journalsForSources(testApp.db, [strangerBreak.id])).toEqual([]);

    const byOperator = await act(maker, strangerBreak, 'approve');
    expect(byOperator.statusCode).toBe(403);
    expect(byOperator.json().error.code).toBe('permission_denied');
    const byProposer = await act(manager, strangerBreak, 'approve');
    expect(byProposer.statusCode).toBe(403);
    expect(byProposer.json().error.code).toBe('recon_self_approval');

    const approved = await act(checker, strangerBreak, 'approve');
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'resolved',
      adjustingJournalId: expect.any(String),
    });
    const [journal] = await journalsForSources(testApp.db, [strangerBreak.id]);
    expect(journal?.kind).toBe('recon_adjustment');
    expect(entriesOf(journal)).toEqual([
      ['bank_settlement', 500],
      ['recon_suspense', -500],
    ]);
    expect((await act(checker, strangerBreak, 'approve')).json().error.code).toBe(
      'recon_break_not_actionable',
    );

    // The checker sends a proposal back: open again, nothing posted.
    await act(maker, rejectedBreak, 'resolve', { action: 'accept_channel', reason: '同上' });
    const rejected = await act(checker, rejectedBreak, 'reject', { reason: '请先联系商户核实' });
    expect(rejected.json()).toMatchObject({ status: 'open', resolutionAction: null });
    expect(await journalsForSources(testApp.db, [rejectedBreak.id])).toEqual([]);

    // An escalated break accepted later: both sides booked, the 10 fen left in suspense.
    await act(maker, amountBreak, 'resolve', {
      action: 'accept_channel',
      reason: '微信确认 29.90',
    });
    expect((await act(checker, amountBreak, 'approve')).statusCode).toBe(200);
    const [adjusted] = await journalsForSources(testApp.db, [amountBreak.id]);
    expect(entriesOf(adjusted)).toEqual([
      ['bank_settlement', 2_990],
      ['channel_receivable:wechat', -3_000],
      ['recon_suspense', 10],
    ]);
    const balance = await trialBalance(testApp.db);
    expect(balance.balanced).toBe(true);
    expect(balance.totalDebitFen).toBe(balance.totalCreditFen);

    const detail = (
      await maker.request('GET', `/api/v1/reconciliation/imports/${imported.id}`)
    ).json();
    expect(detail.breaksByStatus).toMatchObject({ open: 1, timing: 1, resolved: 2 });
    const audited = await testApp.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.targetId, amountBreak.id))
      .orderBy(auditEvents.seq);
    expect(audited.map((row) => row.action)).toEqual([
      'recon.break_escalate',
      'recon.break_accept_channel',
      'recon.break_approved',
    ]);

    // Breaks were worked on: another file for the day may not replace this result.
    const other = await statementFile('wechat', day, [paymentRecord(matched)]);
    const replaced = await uploadStatement(maker, 'wechat', day, other);
    expect(replaced.statusCode).toBe(409);
    expect(replaced.json().error.code).toBe('statement_import_locked');
  });

  it('another file supersedes a result nobody worked on, posting only the settlement’s difference', async () => {
    const day = '2027-04-05';
    moveToDay(testApp, day);
    const till = await merchantAtTill(testApp);
    const first = await wechatPayment(testApp, till, 4_000);
    const second = await wechatPayment(testApp, till, 6_000);
    const partial = await statementFile('wechat', day, [paymentRecord(first)]);
    const complete = await statementFile('wechat', day, [
      paymentRecord(first),
      paymentRecord(second),
    ]);
    moveToDay(testApp, nextDay(day));
    const maker = await staffAs('operator');
    const earlier = (await uploadStatement(maker, 'wechat', day, partial)).json();
    expect(earlier).toMatchObject({ settledNetFen: 4_000, breakCount: 1 });
    const later = await uploadStatement(maker, 'wechat', day, complete);
    expect(later.statusCode).toBe(201);
    expect(later.json()).toMatchObject({ status: 'matched', settledNetFen: 10_000, breakCount: 0 });
    const old = (await maker.request('GET', `/api/v1/reconciliation/imports/${earlier.id}`)).json();
    expect(old).toMatchObject({ status: 'superseded', supersededById: later.json().id });
    const settled = await testApp.db
      .select()
      .from(ledgerJournals)
      .where(
        and(
          eq(ledgerJournals.sourceId, `wechat:${day}`),
          eq(ledgerJournals.kind, 'channel_settlement'),
        ),
      );
    expect(settled).toHaveLength(1);
    const [correction] = await journalsForSources(testApp.db, [later.json().id]);
    expect(entriesOf(correction)).toEqual([
      ['bank_settlement', 6_000],
      ['channel_receivable:wechat', -6_000],
    ]);
    // A break of the replaced result can no longer be worked on.
    const [stale] = (
      await maker.request('GET', `/api/v1/reconciliation/breaks?importId=${earlier.id}`)
    ).json().data;
    const refused = await maker.request(
      'POST',
      `/api/v1/reconciliation/breaks/${stale.id}/resolve`,
      { action: 'timing', reason: '旧结果' },
    );
    expect(refused.json().error.code).toBe('recon_import_superseded');
  });
});
