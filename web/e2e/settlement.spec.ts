import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { freshTotp, signIn, signOut } from './staff-session';
import { wechatStatementOf } from './wechat-statement';

// After the cut-off the bank settles the demo days' takings and sees the payouts confirmed; it
// imports WeChat's statement of a demo day with one injected break and resolves it, maker and
// checker; a produce purchaser pays a farmer in the field and the farmer keeps the receipt.

const imageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/images');
const demoPassword = 'Sharefin#2026';
/** settlement:run and recon:write, no approval right: signs in without MFA. */
const operator = 'shinan.operator';
/** recon:approve: the checker, who enrols an authenticator on the first sign-in. */
const checker = 'hq.risk';
/** payment:read across the bank, to read the demo day the statement is built from. */
const reader = 'hq.auditor';
const purchaserMobile = '13800000004';
/** 王记水果店, a demo merchant of 市南支行 with 30 days of takings. */
const ownerMobile = '13800000001';

async function shoot(page: Page, name: string, options: { fullPage?: boolean } = {}) {
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(imageDir, `${name}.png`), fullPage: options.fullPage });
}

function shanghaiDay(offsetDays = 0): string {
  return new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Picks a day in an antd DatePicker by clicking its cell in the open calendar. Typing and
 * pressing Enter would also submit a one-field form (HTML's implicit submission), racing the
 * test's own click on the modal's button.
 */
async function pickDate(page: Page, testId: string, day: string) {
  const input = page
    .getByTestId(testId)
    .locator('input')
    .or(page.locator(`input[data-testid="${testId}"]`))
    .first();
  await input.click();
  await input.fill(day);
  const cell = page.locator(`.ant-picker-dropdown:visible td[title="${day}"]`);
  await cell.click();
  await expect(page.locator('.ant-picker-dropdown:visible')).toHaveCount(0);
  await expect(input).toHaveValue(day);
}

async function apiSession(browser: Browser, baseURL: string | undefined, username: string) {
  const context = await browser.newContext({ baseURL });
  const login = await context.request.post('/api/v1/auth/login', {
    data: { username, password: demoPassword },
  });
  expect(login.ok(), await login.text()).toBe(true);
  return context;
}

test('settlement, payouts, a reconciliation break worked by maker and checker, and a field purchase', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(600_000);
  const today = shanghaiDay();
  const yesterday = shanghaiDay(-1);

  await test.step('the operator settles today: the takings of the demo days up to last night’s cut-off', async () => {
    await signIn(page, operator, demoPassword);
    await expect(page).toHaveURL(/\/console/);
    await page.goto('/console/settlement/runs');
    await page.getByTestId('start-run').click();
    await pickDate(page, 'start-run-date', today);
    await page.getByTestId('start-run-submit').click();
    await expect(page.getByTestId(`run-link-${today}`)).toBeVisible({ timeout: 60_000 });
    await shoot(page, 'console-settlement-runs');
    await page.getByTestId(`run-link-${today}`).click();
    await expect(page.getByTestId('run-title')).toContainText(today);
    await expect(
      page.getByTestId('run-lines').locator('tbody tr.ant-table-row').first(),
    ).toBeVisible();
    await shoot(page, 'console-settlement-run', { fullPage: true });
  });

  await test.step('the core bank confirms the payouts', async () => {
    await page.goto(`/console/settlement/payouts?settlementDate=${today}`);
    const table = page.getByTestId('payout-table');
    await expect(table.locator('tbody tr.ant-table-row').first()).toBeVisible();
    // The simulated core bank books asynchronously a few seconds after accepting.
    await expect(async () => {
      await page.reload();
      await expect(table.getByText('处理中')).toHaveCount(0, { timeout: 2_000 });
      await expect(table.getByText('已到账').first()).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 60_000 });
    await shoot(page, 'console-payouts');
  });

  await test.step('the merchant sees its settlement and downloads the statement', async () => {
    const owner = await browser.newContext({
      baseURL,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1440, height: 900 },
    });
    const portal = await owner.newPage();
    await portal.goto('/merchant/login');
    await portal.getByTestId('login-username').fill(ownerMobile);
    await portal.getByTestId('login-password').fill(demoPassword);
    await portal.getByTestId('login-submit').click();
    await expect(portal).toHaveURL(/\/merchant$/);
    await portal.goto('/merchant/settlements');
    const row = portal.getByTestId(`settlement-row-${today}`);
    await expect(row).toContainText('已到账');
    const download = portal.waitForEvent('download');
    await portal.getByTestId(`statement-xlsx-${today}`).click();
    expect((await download).suggestedFilename()).toBe(`statement-${today}.xlsx`);
    await shoot(portal, 'portal-settlements');
    await owner.close();
  });

  let importUrl = '';
  await test.step('the operator imports yesterday’s WeChat statement, with one line 1 fen off', async () => {
    const readerContext = await apiSession(browser, baseURL, reader);
    const statement = await wechatStatementOf(readerContext.request, yesterday);
    await readerContext.close();
    await page.goto('/console/reconciliation');
    await page.getByTestId('upload-statement').click();
    await page.getByTestId('import-channel').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '微信' })
      .first()
      .click();
    await pickDate(page, 'import-date', yesterday);
    await page.locator('.ant-modal input[type="file"]').setInputFiles({
      name: `wechat-${yesterday}.csv`,
      mimeType: 'text/csv',
      buffer: statement.bytes,
    });
    await page.getByTestId('import-submit').click();
    await expect(page).toHaveURL(/\/console\/reconciliation\/imports\//, { timeout: 60_000 });
    importUrl = page.url();
    await expect(page.getByTestId('import-break-count')).toHaveText('1');
    const row = page.getByTestId('break-table').locator('tbody tr.ant-table-row').first();
    await expect(row).toContainText(statement.alteredPaymentId);
    await expect(row).toContainText('0.01');
    await shoot(page, 'console-recon-breaks', { fullPage: true });
  });

  await test.step('the maker accepts the channel’s amount with a reason', async () => {
    await page.getByTestId('resolve-button').first().click();
    await page.getByTestId('resolve-action-accept_channel').click();
    await page.getByTestId('resolve-reason').fill('渠道多记 1 分，以渠道为准调账');
    await page.getByTestId('resolve-submit').click();
    await expect(page.getByTestId('break-proposer').first()).toBeVisible();
    // The maker may not approve their own proposal: no button for them.
    await expect(page.getByTestId('approve-button')).toHaveCount(0);
    await signOut(page);
  });

  await test.step('the checker approves and the adjusting journal is posted', async () => {
    await signIn(page, checker, demoPassword);
    const secret = page.getByTestId('mfa-secret');
    await expect(secret).toBeVisible();
    const totpSecret = ((await secret.textContent()) ?? '').trim();
    await page.getByTestId('mfa-enroll-code').fill(await freshTotp(totpSecret));
    await page.getByTestId('mfa-enroll-submit').click();
    await page.getByTestId('recovery-codes-saved').click();
    await expect(page).toHaveURL(/\/console$/);
    await page.goto(importUrl);
    await shoot(page, 'console-recon-approval', { fullPage: true });
    await page.getByTestId('approve-button').first().click();
    await page.getByTestId('approve-confirm').click();
    await expect(page.getByTestId('approve-button')).toHaveCount(0);
    await expect(page.getByTestId('break-table')).toContainText('已解决');
    await shoot(page, 'console-recon-resolved', { fullPage: true });
    await signOut(page);
  });

  await test.step('a produce purchaser pays a farmer on the spot; the farmer keeps the receipt', async () => {
    await page.goto('/merchant/login');
    await page.getByTestId('login-username').fill(purchaserMobile);
    await page.getByTestId('login-password').fill(demoPassword);
    await page.getByTestId('login-submit').click();
    await expect(page).toHaveURL(/\/merchant$/);
    await page.goto('/merchant/farmers');
    const balanceBefore = (await page.getByTestId('purchaser-balance').textContent()) ?? '';
    await page.getByTestId('record-purchase').click();
    await page.getByTestId('purchase-form-farmer').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await page.getByTestId('purchase-form-produce').fill('红富士苹果');
    await page.getByTestId('purchase-form-weight').fill('125.400');
    await page.getByTestId('purchase-form-price').fill('3.60');
    // 125.4 kg × 3.60 CNY/kg = 451.44 CNY, computed in integers.
    await expect(page.getByTestId('purchase-form-amount')).toContainText('451.44');
    await shoot(page, 'portal-farmer-purchase');
    await page.getByTestId('purchase-form-submit').click();
    const row = page
      .getByTestId('purchase-table')
      .locator('tbody tr.ant-table-row')
      .filter({ hasText: '红富士苹果' });
    await expect(row).toContainText('已付款');
    await expect(page.getByTestId('purchaser-balance')).not.toHaveText(balanceBefore);
    await shoot(page, 'portal-farmer-purchases');
    const receiptUrl = await row.locator('[data-testid^="purchase-receipt-"]').getAttribute('href');
    expect(receiptUrl).toBeTruthy();

    const phone = await browser.newContext({
      baseURL,
      locale: 'zh-CN',
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
    });
    const receipt = await phone.newPage();
    await receipt.goto(new URL(receiptUrl as string, baseURL).pathname);
    await expect(receipt.locator('body')).toContainText('451.44');
    await expect(receipt.locator('body')).toContainText('已到账');
    await expect(receipt.locator('svg, img').first()).toBeVisible();
    await shoot(receipt, 'h5-farmer-receipt', { fullPage: true });
    await phone.close();
  });

  await test.step('the bank sees field purchase volume by region', async () => {
    const desk = await browser.newContext({
      baseURL,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1440, height: 900 },
    });
    const console = await desk.newPage();
    await signIn(console, reader, demoPassword);
    await expect(console).toHaveURL(/\/console/);
    await console.goto('/console/farmers');
    const volume = console.getByTestId('volume-table');
    await expect(volume).toContainText('山东省');
    // Provinces open to their cities, cities to their counties.
    for (const level of ['青岛市', '城阳区']) {
      await volume.locator('.ant-table-row-expand-icon-collapsed').first().click();
      await expect(volume).toContainText(level);
    }
    await shoot(console, 'console-farmer-volume');
    await desk.close();
  });
});
