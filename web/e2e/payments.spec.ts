import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { signIn } from './staff-session';

// The whole payment walk: a payer scans a store code on a phone and pays in a simulated wallet;
// the merchant sees the payment arrive in the portal and the bank finds it with its journal.

const imageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/images');
const demoPassword = 'Sharefin#2026';
const ownerMobile = '13800000001';
/** Holds payment:read but no *:approve right, so it signs in without MFA under enforcement. */
const staffUser = 'hq.auditor';
const plainChrome =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
const wechat = `${plainChrome} MicroMessenger/8.0.50.2701(0x28003252) NetType/WIFI Language/zh_CN`;

async function shoot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<void> {
  // Let antd / antd-mobile popups and toasts finish animating first.
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(imageDir, `${name}.png`), fullPage: options.fullPage });
}

async function phonePage(browser: Browser, baseURL: string | undefined, userAgent: string) {
  const context = await browser.newContext({
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    userAgent,
  });
  return context.newPage();
}

async function merchantSignIn(page: Page): Promise<void> {
  await page.goto('/merchant/login');
  await page.getByTestId('login-username').fill(ownerMobile);
  await page.getByTestId('login-password').fill(demoPassword);
  await page.getByTestId('login-submit').click();
  await expect(page).toHaveURL(/\/merchant$/);
}

/** The path (/q/<code>) of the merchant's first store code, as the portal's API gives it. */
async function storeCodePath(page: Page): Promise<string> {
  const response = await page.request.get('/api/v1/portal/store-codes');
  expect(response.ok()).toBe(true);
  const { data } = (await response.json()) as { data: { url: string }[] };
  const url = data[0]?.url;
  if (!url) throw new Error('the demo merchant has no store code');
  return new URL(url).pathname;
}

test('a payer pays a store code on a phone; the merchant and the bank see the payment', async ({
  browser,
}, testInfo) => {
  const { baseURL } = testInfo.project.use;
  const desk = await (await browser.newContext({ baseURL, locale: 'zh-CN' })).newPage();
  const phone = await phonePage(browser, baseURL, plainChrome);
  let codePath = '';
  let paymentId = '';

  await test.step('the owner opens the store codes in the portal', async () => {
    await merchantSignIn(desk);
    await desk.goto('/merchant/store-codes');
    const link = desk.getByTestId('store-code-url').first();
    await expect(link).toBeVisible();
    codePath = new URL((await link.getAttribute('href')) ?? '').pathname;
    expect(codePath).toMatch(/^\/q\/[^/]+$/);
    expect(await storeCodePath(desk)).toBe(codePath);
    await shoot(desk, 'portal-store-codes');
    // The live list is open before the payment happens: it must appear without a reload.
    await desk.goto('/merchant/payments');
    await expect(desk.getByTestId('payment-table')).toBeVisible();
  });

  await test.step('the payer types 12.34 and picks WeChat Pay', async () => {
    await phone.goto(codePath);
    await expect(phone.getByTestId('cashier-payee')).toBeVisible();
    const keypad = phone.getByTestId('cashier-keypad');
    for (const key of ['1', '2', '.', '3', '4', '5']) {
      await keypad.getByRole('button', { name: key, exact: true }).click();
    }
    // A third decimal is refused: the amount stays 12.34.
    await expect(phone.getByTestId('cashier-amount')).toHaveText(/^¥\s*12\.34$/);
    await expect(phone.getByTestId('cashier-wallet-picker')).toBeVisible();
    await phone.getByTestId('cashier-wallet-wechat').click();
    await expect(phone.getByTestId('cashier-wallet-wechat')).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await shoot(phone, 'h5-cashier-amount');
  });

  await test.step('the simulated WeChat sheet confirms ¥12.34', async () => {
    await phone.getByTestId('cashier-keypad').getByRole('button', { name: '付款' }).click();
    const sheet = phone.getByTestId('wallet-sheet');
    await expect(sheet).toBeVisible();
    await expect(sheet).toHaveAttribute('data-wallet', 'wechat');
    await expect(phone.getByTestId('wallet-sheet-confirm')).toHaveText('确认付款 ¥12.34');
    await shoot(phone, 'h5-cashier-wallet');
    await phone.getByTestId('wallet-sheet-confirm').click();
  });

  await test.step('the payer sees 支付成功', async () => {
    const result = phone.getByTestId('cashier-result');
    await expect(result).toHaveAttribute('data-status', 'succeeded', { timeout: 30_000 });
    await expect(result).toContainText('支付成功');
    await expect(phone.getByTestId('cashier-result-amount')).toHaveText('¥12.34');
    paymentId = ((await phone.getByTestId('cashier-result-payment-id').textContent()) ?? '').trim();
    expect(paymentId).not.toBe('');
    await shoot(phone, 'h5-cashier-success');
  });

  await test.step('the portal list shows the payment without a reload', async () => {
    await expect(desk.getByTestId(`payment-view-${paymentId}`)).toBeVisible({ timeout: 30_000 });
    await expect(desk.getByTestId('payment-table')).toContainText('12.34');
    await shoot(desk, 'portal-payments');
  });

  await test.step('bank staff find the payment and its journal in the console', async () => {
    const staff = await (await browser.newContext({ baseURL, locale: 'zh-CN' })).newPage();
    await signIn(staff, staffUser, demoPassword);
    await expect(staff).toHaveURL(/\/console$/);
    await staff.goto('/console/payments');
    await staff.getByTestId('payment-filter-q').fill(paymentId);
    await staff.getByTestId('payment-search').click();
    await staff.getByTestId(`payment-link-${paymentId}`).click();
    await expect(staff.getByTestId('payment-title')).toBeVisible();
    await expect(staff.getByTestId('payment-amount')).toContainText('12.34');
    // The payment's journal: the channel owes 12.34, which the merchant and the fee share.
    await expect(staff.getByTestId('journal-debit-total').first()).toContainText('12.34');
    await shoot(staff, 'console-payment-detail', { fullPage: true });
    await staff.goto('/console');
    await expect(staff.getByTestId('today-payments')).toBeVisible();
    await shoot(staff, 'console-home-payments', { fullPage: true });
  });
});

test('inside WeChat the cashier pays with WeChat and offers no wallet picker', async ({
  browser,
}, testInfo) => {
  const { baseURL } = testInfo.project.use;
  const desk = await (await browser.newContext({ baseURL, locale: 'zh-CN' })).newPage();
  await merchantSignIn(desk);
  const codePath = await storeCodePath(desk);

  const phone = await phonePage(browser, baseURL, wechat);
  await phone.goto(codePath);
  await expect(phone.getByTestId('cashier-payee')).toBeVisible();
  await expect(phone.getByTestId('cashier-detected-wallet')).toContainText('微信支付');
  await expect(phone.getByTestId('cashier-wallet-picker')).toHaveCount(0);
});
