import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page, test } from '@playwright/test';
import { pickOption } from './select-option';
import { freshTotp, signIn, signOut } from './staff-session';

const screenshotDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../artifacts/screenshots',
);
const adminPassword = 'Sharefin#2026';
const branch = { code: 'E2E01', name: '测试支行' };
const teller = { username: 'e2e.teller', displayName: '测试柜员' };
const tellerNewPassword = 'Teller2026new';

let shotNumber = 0;
async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  shotNumber += 1;
  const file = `${String(shotNumber).padStart(2, '0')}-${name}.png`;
  // Let antd's open/close animations settle so the picture shows the final state.
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(screenshotDir, file), fullPage: true });
}

test('an administrator sets up a branch and a teller, who sees only that branch', async ({
  page,
}) => {
  let totpSecret = '';

  await test.step('admin signs in and enrolls an authenticator', async () => {
    await page.goto('/login');
    await expect(page.getByText('共享金融综合服务平台')).toBeVisible();
    await screenshot(page, 'login');
    // The server's message arrives already in Chinese and is shown in the card.
    await signIn(page, 'admin', 'not-the-password');
    await expect(page.getByTestId('login-error')).toContainText('用户名或密码错误');
    await signIn(page, 'admin', adminPassword);

    const secret = page.getByTestId('mfa-secret');
    await expect(secret).toBeVisible();
    totpSecret = ((await secret.textContent()) ?? '').trim();
    expect(totpSecret).toMatch(/^[A-Z2-7]+=*$/);
    await expect(page.getByTestId('mfa-qr')).toBeVisible();
    await screenshot(page, 'mfa-enroll');

    await page.getByTestId('mfa-enroll-code').fill(await freshTotp(totpSecret));
    await page.getByTestId('mfa-enroll-submit').click();

    const codes = page.getByTestId('recovery-codes').locator('li');
    await expect(codes).toHaveCount(10);
    await screenshot(page, 'recovery-codes');
    await page.getByTestId('recovery-codes-saved').click();
  });

  await test.step('home shows the figures of the whole bank', async () => {
    await expect(page).toHaveURL(/\/console$/);
    await expect(page.getByTestId('stat-org-nodes')).toBeVisible();
    await expect(page.getByTestId('recent-audit')).toBeVisible();
    // Enforcement is on in this run, so the demo-mode warning must not show.
    await expect(page.getByTestId('mfa-off-banner')).toHaveCount(0);
    await screenshot(page, 'home');
  });

  await test.step('admin adds a branch under the head office', async () => {
    await page.getByTestId('nav-org').click();
    await page.getByTestId('org-tree-node-QD000').click();
    await expect(page.getByTestId('org-node-detail')).toContainText('QD000');
    await page.getByTestId('org-add-child').click();
    await page.getByTestId('org-add-code').fill(branch.code);
    await page.getByTestId('org-add-name').fill(branch.name);
    await page.getByTestId('region-cascader').click();
    for (const level of ['山东省', '青岛市', '市南区']) {
      await page.locator('.ant-cascader-menu-item:visible').filter({ hasText: level }).click();
    }
    await page.getByTestId('org-add-submit').click();
    await expect(page.getByTestId(`org-tree-node-${branch.code}`)).toBeVisible();
    await expect(page.getByTestId('org-node-detail')).toContainText('370202');
    await screenshot(page, 'org');
  });

  let temporaryPassword = '';
  await test.step('admin creates a teller in the new branch', async () => {
    await page.getByTestId('nav-staff').click();
    await expect(page.getByTestId('staff-table')).toContainText('shinan.operator');
    await screenshot(page, 'staff');

    await page.getByTestId('staff-create').click();
    await page.getByTestId('staff-form-username').fill(teller.username);
    await page.getByTestId('staff-form-display-name').fill(teller.displayName);
    await pickOption(page, page.getByTestId('staff-form-org-node'), branch.name, {
      search: branch.name,
    });
    await pickOption(page, page.getByTestId('staff-form-roles'), '柜员', { multiple: true });
    await page.keyboard.press('Escape');
    await page.getByTestId('staff-form-submit').click();

    const password = page.getByTestId('temporary-password');
    await expect(password).toBeVisible();
    temporaryPassword = ((await password.textContent()) ?? '').trim();
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(10);
    await screenshot(page, 'temporary-password');
    await page.getByTestId('temporary-password-close').click();
    await expect(page.getByTestId('staff-table')).toContainText(teller.username);
    await signOut(page);
  });

  await test.step('the teller changes the temporary password and sees only the branch', async () => {
    await signIn(page, teller.username, temporaryPassword);
    await page.getByTestId('new-password').fill(tellerNewPassword);
    await page.getByTestId('confirm-password').fill(tellerNewPassword);
    await screenshot(page, 'change-password');
    await page.getByTestId('change-password-submit').click();

    await expect(page).toHaveURL(/\/console$/);
    await expect(page.getByTestId('current-org-node')).toHaveText(branch.name);
    await expect(page.getByTestId('org-switcher')).toHaveCount(0);
    await page.getByTestId('nav-org').click();
    await expect(page.getByTestId(`org-tree-node-${branch.code}`)).toBeVisible();
    await expect(page.getByTestId('org-tree')).not.toContainText('青岛总行');
    await expect(page.getByTestId('org-tree')).not.toContainText('市南支行');
    await expect(page.getByTestId('org-tree-node-QD000')).toHaveCount(0);
    // An operator cannot manage staff or read the audit log, so neither is offered.
    await expect(page.getByTestId('nav-staff')).toHaveCount(0);
    await expect(page.getByTestId('nav-audit')).toHaveCount(0);
    await screenshot(page, 'teller-org');
    await signOut(page);
  });

  await test.step('admin signs in with a code and finds both changes in the audit log', async () => {
    await signIn(page, 'admin', adminPassword);
    await page.getByTestId('totp-code').fill(await freshTotp(totpSecret));
    await page.getByTestId('mfa-verify-submit').click();
    await expect(page).toHaveURL(/\/console$/);

    await page.getByTestId('nav-audit').click();
    const table = page.getByTestId('audit-table');
    await expect(table.locator('tr[data-action="org.node.created"]').first()).toBeVisible();
    await expect(table.locator('tr[data-action="staff.created"]').first()).toBeVisible();
    await page.getByTestId('audit-verify').click();
    await expect(page.getByTestId('audit-verify-result')).toHaveClass(/ant-alert-success/);
    await screenshot(page, 'audit');

    await pickOption(page, page.getByTestId('audit-filter-action'), '新增员工');
    await page.getByTestId('audit-search').click();
    // Newest first: the top row is the teller created above.
    const newest = table.locator('tbody tr[data-action="staff.created"]').first();
    await expect(newest).toBeVisible();
    await newest.locator('[data-testid^="audit-view-"]').click();
    const changes = page.getByTestId('audit-changes');
    await expect(changes).toBeVisible();
    await expect(changes).toContainText(teller.username);
    await screenshot(page, 'audit-detail');
    await page.keyboard.press('Escape');
  });

  await test.step('my account shows the profile and MFA status', async () => {
    await page.getByTestId('nav-account').click();
    await expect(page.getByTestId('account-profile')).toContainText('admin');
    await expect(page.getByTestId('account-mfa-status')).toHaveClass(/ant-alert-success/);
    await screenshot(page, 'account');
  });

  await test.step('admin locks and unlocks the teller', async () => {
    await page.getByTestId('nav-staff').click();
    const row = page.getByTestId('staff-table').locator('tr', { hasText: teller.username });
    for (const [action, status] of [
      ['锁定', '已锁定'],
      ['解锁', '正常'],
    ] as const) {
      await page.getByTestId(`staff-more-${teller.username}`).click();
      await page.locator('.ant-dropdown-menu-item:visible').filter({ hasText: action }).click();
      // A click that lands while the confirm is still animating in can be lost (seen under
      // CI load): press OK until the confirm has closed.
      await expect(async () => {
        const ok = page.getByTestId('confirm-ok');
        if ((await ok.count()) > 0) await ok.click({ timeout: 2_000 });
        await expect(ok).toHaveCount(0, { timeout: 2_000 });
      }).toPass({ timeout: 20_000 });
      await expect(row).toContainText(status);
    }
  });

  await test.step('the org switcher narrows the console to one branch and back', async () => {
    await pickOption(page, page.getByTestId('org-switcher'), '市南支行', { search: '市南' });
    await expect(page.getByTestId('org-switcher')).toContainText('市南支行');
    const table = page.getByTestId('staff-table');
    await expect(table).toContainText('shinan.operator');
    await expect(table).not.toContainText('hq.auditor');
    // Narrowed, the head office stays offered as the way back.
    await pickOption(page, page.getByTestId('org-switcher'), '青岛总行');
    await expect(table).toContainText('hq.auditor');
  });

  await test.step('the console switches to English', async () => {
    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByTestId('nav-home').click();
    await expect(page.getByText('Recent activity')).toBeVisible();
    await expect(page.getByTestId('recent-audit')).toContainText('Staff unlocked');
    await screenshot(page, 'home-english');
    await page.getByTestId('language-switch').getByText('中文').click();
    await expect(page.getByText('最近操作')).toBeVisible();
  });
});
