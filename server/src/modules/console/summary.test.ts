import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoNode, postLogin, sessionFrom, signIn } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';

let testApp: TestApp;
let adminSecret: string | undefined;
beforeAll(async () => {
  testApp = await createTestApp();
});
afterAll(() => testApp.close());

describe('console summary', () => {
  it('shows the admin the whole demo bank and what happened last', async () => {
    const { session, secret } = await signIn(testApp, 'admin');
    adminSecret = secret;
    const reply = await session.request('GET', '/api/v1/console/summary');
    expect(reply.statusCode).toBe(200);
    const summary = reply.json();
    expect(summary).toMatchObject({
      orgNodeCount: 11,
      branchCount: 5,
      subBranchCount: 5,
      staffCount: 8,
    });
    expect(summary.staffByRole).toEqual({
      admin: 1,
      auditor: 1,
      risk: 1,
      marketing: 1,
      branch_manager: 2,
      operator: 2,
    });
    // Newest first: the admin's own enrollment just now leads the list.
    const actions = summary.recentAuditEvents.map((event: { action: string }) => event.action);
    expect(actions[0]).toBe('auth.mfa_enrolled');
    expect(actions).toContain('system.demo_seeded');
    expect(summary.recentAuditEvents.length).toBeLessThanOrEqual(8);
  });

  it('counts only the branch subtree for a branch manager, without the audit trail', async () => {
    const { session } = await signIn(testApp, 'shinan.manager');
    const summary = (await session.request('GET', '/api/v1/console/summary')).json();
    expect(summary).toEqual({
      orgNodeCount: 3,
      branchCount: 1,
      subBranchCount: 2,
      staffCount: 2,
      staffByRole: { branch_manager: 1, operator: 1 },
      recentAuditEvents: [],
    });
  });

  it('shows an operator their own node, and an auditor the events of the whole bank', async () => {
    const operator = sessionFrom(testApp, await postLogin(testApp, 'jimo.operator'));
    const operatorSummary = (await operator.request('GET', '/api/v1/console/summary')).json();
    expect(operatorSummary).toMatchObject({
      orgNodeCount: 1,
      branchCount: 0,
      subBranchCount: 1,
      staffCount: 1,
    });

    const auditor = sessionFrom(testApp, await postLogin(testApp, 'hq.auditor'));
    const summary = (await auditor.request('GET', '/api/v1/console/summary')).json();
    expect(summary.orgNodeCount).toBe(11);
    const logins = summary.recentAuditEvents.filter(
      (event: { action: string }) => event.action === 'auth.login_succeeded',
    );
    expect(logins.map((event: { actor: { username: string } }) => event.actor.username)).toContain(
      'jimo.operator',
    );
  });

  it('follows the admin’s org switcher', async () => {
    const { session } = await signIn(testApp, 'admin', { totpSecret: adminSecret });
    const laoshan = await demoNode(testApp.database.db, 'QD020');
    expect(
      (await session.request('POST', '/api/v1/me/org-node', { orgNodeId: laoshan.id })).statusCode,
    ).toBe(200);
    const summary = (await session.request('GET', '/api/v1/console/summary')).json();
    expect(summary).toMatchObject({
      orgNodeCount: 2,
      branchCount: 1,
      subBranchCount: 1,
      staffCount: 1,
      staffByRole: { branch_manager: 1 },
    });
    // Events of other branches (the logins at QD010 and QD041 above) are out of view.
    const events = summary.recentAuditEvents as Array<{
      action: string;
      actor: { username: string } | null;
    }>;
    expect(events[0]?.action).toBe('auth.org_node_switched');
    const actors = events.map((event) => event.actor?.username);
    expect(actors).not.toContain('shinan.manager');
    expect(actors).not.toContain('jimo.operator');
  });
});
