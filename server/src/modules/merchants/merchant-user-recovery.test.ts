import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createStaffUser,
  demoPassword,
  type Session,
  signIn,
  totpCode,
} from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { createActiveMerchant, signInMerchant } from '../../../test/merchant-factories.js';

let testApp: TestApp;
let branch: Session;

beforeAll(async () => {
  testApp = await createTestApp();
  const operator = await createStaffUser(testApp.db, { nodeCode: 'QD010', roles: ['operator'] });
  branch = (await signIn(testApp, operator.username)).session;
});

afterAll(() => testApp.close());

function merchantLogin(mobile: string, password: string) {
  return testApp.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: mobile, password, realm: 'merchant' },
    remoteAddress: '10.0.7.1',
  });
}

describe('the branch helps a merchant user back in', () => {
  it('unlocks an owner locked after ten wrong passwords', async () => {
    const merchant = await createActiveMerchant(testApp);
    for (let attempt = 0; attempt < 10; attempt++) {
      await merchantLogin(merchant.ownerMobile, 'Wrong-Password-1');
    }
    expect((await merchantLogin(merchant.ownerMobile, demoPassword)).json().error.code).toBe(
      'account_locked',
    );
    const users = `/api/v1/merchants/${merchant.id}/users`;
    const listed = (await branch.request('GET', users)).json().data;
    expect(listed).toEqual([expect.objectContaining({ id: merchant.owner.userId, locked: true })]);
    const unlock = await branch.request('POST', `${users}/${merchant.owner.userId}/unlock`);
    expect(unlock.statusCode).toBe(204);
    expect((await merchantLogin(merchant.ownerMobile, demoPassword)).statusCode).toBe(200);
    const history = (await branch.request('GET', `/api/v1/merchants/${merchant.id}/history`))
      .json()
      .data.map((event: { action: string }) => event.action);
    expect(history).toContain('merchant_user.unlocked');
  });

  it('clears a lost authenticator: the next login asks for no code and old sessions end', async () => {
    const merchant = await createActiveMerchant(testApp);
    const owner = await signInMerchant(testApp, merchant.ownerMobile);
    const { secret } = (await owner.request('POST', '/api/v1/me/mfa/enrollment')).json();
    await owner.request('POST', '/api/v1/me/mfa/enrollment/confirm', {
      code: await totpCode(testApp, secret),
    });
    expect((await merchantLogin(merchant.ownerMobile, demoPassword)).json().next).toBe(
      'mfa_verify',
    );
    const reset = await branch.request(
      'POST',
      `/api/v1/merchants/${merchant.id}/users/${merchant.owner.userId}/reset-mfa`,
    );
    expect(reset.statusCode).toBe(204);
    expect((await owner.request('GET', '/api/v1/portal/merchant')).statusCode).toBe(401);
    expect((await merchantLogin(merchant.ownerMobile, demoPassword)).json().next).toBe('done');
  });

  it('will not touch a user of another merchant through this merchant', async () => {
    const mine = await createActiveMerchant(testApp);
    const theirs = await createActiveMerchant(testApp);
    const reply = await branch.request(
      'POST',
      `/api/v1/merchants/${mine.id}/users/${theirs.owner.userId}/unlock`,
    );
    expect(reply.statusCode).toBe(404);
  });
});
