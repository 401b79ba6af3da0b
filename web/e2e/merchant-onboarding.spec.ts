import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, expect, type Locator, type Page, test } from '@playwright/test';
import { gradientPng, tinyPdf } from './document-files';
import {
  creditCode,
  luhnNumber,
  randomDigits,
  residentId,
  withWrongCheckChar,
} from './identifiers';
import { pickOption } from './select-option';
import { freshTotp, signIn, signOut } from './staff-session';

const screenshotDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../artifacts/screenshots',
);
const staffPassword = 'Sharefin#2026';
const ownerPassword = 'Owner2026pass';
const changeRequest = '门牌号与营业执照不一致，请补充完整地址（含楼层和铺位号）。';
const correctedAddress = '香港中路 8 号 1 层 12 号铺';

const suffix = randomDigits(4);
const applicant = {
  registeredName: `青岛市市南区海鲜小馆${suffix}`,
  shortName: `海鲜小馆${suffix}`,
  creditCode: creditCode(`92370202MA3C${randomDigits(5)}`),
  legalRepName: '王海',
  idNumber: residentId('370202', '19850612', 123),
  mobile: `139${randomDigits(8)}`,
  address: '香港中路 8 号 1 楼 12 号铺',
  accountName: '王海',
  accountNumber: luhnNumber(`621700${randomDigits(12)}`),
};

/** Screenshots of one flow share a prefix and are numbered in the order they were taken. */
const shotCounters = new Map<string, number>();
async function screenshot(page: Page, prefix: string, name: string): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const count = (shotCounters.get(prefix) ?? 0) + 1;
  shotCounters.set(prefix, count);
  // Let open/close animations (antd, antd-mobile popups, toasts) settle first.
  await page.waitForTimeout(500);
  await page.screenshot({
    path: path.join(screenshotDir, `${prefix}-${String(count).padStart(2, '0')}-${name}.png`),
    fullPage: true,
  });
}

/** antd-mobile inputs carry the test id on their form item; the input is inside. */
function field(page: Page, name: string): Locator {
  return page.getByTestId(`field-${name}`).locator('input, textarea').first();
}

test('an applicant applies on a phone, staff review and approve, the owner signs in', async ({
  browser,
}, testInfo) => {
  const { baseURL } = testInfo.project.use;
  const common = { baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };
  const phoneContext: BrowserContext = await browser.newContext({
    ...common,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  const deskContext: BrowserContext = await browser.newContext({
    ...common,
    viewport: { width: 1440, height: 900 },
  });
  const phone = await phoneContext.newPage();
  const desk = await deskContext.newPage();
  let applicationId = '';

  await test.step('the applicant chooses a kind and fills the form step by step', async () => {
    await phone.goto('/apply');
    await expect(phone.getByText('商户入驻申请').first()).toBeVisible();
    await phone.getByTestId('kind-individual_business').click();
    await screenshot(phone, 'h5-apply', 'start');
    await phone.getByTestId('kind-start').click();

    await field(phone, 'registeredName').fill(applicant.registeredName);
    await field(phone, 'shortName').fill(applicant.shortName);
    await field(phone, 'creditCode').fill(applicant.creditCode);
    await screenshot(phone, 'h5-apply', 'basic');
    await phone.getByTestId('apply-next').click();

    // The first save creates the draft; the page moves to its own address with the token.
    await expect(phone).toHaveURL(/\/apply\/[^/#]+#.+/);
    applicationId = decodeURIComponent(new URL(phone.url()).pathname.split('/')[2] ?? '');
    expect(applicationId).not.toBe('');
    await expect(phone.getByTestId('apply-step-legalRep')).toHaveAttribute('data-state', 'current');

    await field(phone, 'legalRepName').fill(applicant.legalRepName);
    // A mistyped check character passes the format check here and is caught on submit.
    await field(phone, 'legalRepIdNumber').fill(withWrongCheckChar(applicant.idNumber));
    await field(phone, 'mobile').fill(applicant.mobile);
    await expect(phone.getByTestId('continue-link-url')).toContainText(`/apply/${applicationId}#`);
    await screenshot(phone, 'h5-apply', 'legal-rep');
    await phone.getByTestId('apply-next').click();

    await expect(phone.getByTestId('apply-step-business')).toHaveAttribute('data-state', 'current');
    await phone.getByTestId('region-picker').click();
    for (const name of ['山东省', '青岛市', '市南区']) {
      await phone.getByTestId('region-options').getByText(name, { exact: true }).click();
    }
    await expect(phone.getByTestId('region-picker')).toHaveText('山东省 青岛市 市南区');
    await field(phone, 'address').fill(applicant.address);
    await phone.getByTestId('mcc-picker').click();
    await phone.getByTestId('mcc-picker-option-5812').click();
    await expect(phone.getByTestId('mcc-picker')).toContainText('餐馆');
    await screenshot(phone, 'h5-apply', 'business');
    await phone.getByTestId('apply-next').click();

    await expect(phone.getByTestId('apply-step-settlement')).toHaveAttribute(
      'data-state',
      'current',
    );
    await field(phone, 'settlementAccountName').fill(applicant.accountName);
    await field(phone, 'settlementAccountNumber').fill(applicant.accountNumber);
    await phone.getByTestId('bank-picker').click();
    await phone.getByTestId('bank-picker-option-314').click();
    await screenshot(phone, 'h5-apply', 'settlement');
    await phone.getByTestId('apply-next').click();

    // Documents come later: first the applicant tries to submit without them.
    await expect(phone.getByTestId('doc-limits')).toContainText('10 MB');
    await phone.getByTestId('apply-next').click();
    await expect(phone.getByTestId('apply-step-referral')).toHaveAttribute('data-state', 'current');
  });

  await test.step('an incomplete submit shows every field error where it belongs', async () => {
    await phone.getByTestId('apply-submit').click();
    await expect(phone.getByTestId('apply-error-summary')).toBeVisible();
    // The first step with an error opens, with the server's message at the field.
    await expect(phone.getByTestId('apply-step-legalRep')).toHaveAttribute('data-state', 'current');
    await expect(phone.getByTestId('apply-step-legalRep')).toHaveAttribute('data-error', 'true');
    await expect(phone.getByTestId('apply-step-documents')).toHaveAttribute('data-error', 'true');
    await expect(phone.getByTestId('field-legalRepIdNumber')).toContainText('校验位');
    await screenshot(phone, 'h5-apply', 'errors');

    await field(phone, 'legalRepIdNumber').fill(applicant.idNumber);
    await expect(phone.getByTestId('field-legalRepIdNumber')).not.toContainText('校验位');
    await phone.getByTestId('apply-step-documents').click();
    for (const type of ['licence', 'id_front', 'id_back', 'storefront']) {
      await expect(phone.getByTestId(`doc-error-${type}`)).toContainText('请上传');
    }
    await screenshot(phone, 'h5-apply', 'document-errors');
  });

  await test.step('the applicant uploads the documents and submits', async () => {
    const uploads: Array<[string, { name: string; mimeType: string; buffer: Buffer }]> = [
      [
        'licence',
        { name: 'licence.pdf', mimeType: 'application/pdf', buffer: tinyPdf('Business licence') },
      ],
      [
        'id_front',
        {
          name: 'id-front.png',
          mimeType: 'image/png',
          buffer: gradientPng(160, 100, [64, 120, 220]),
        },
      ],
      [
        'id_back',
        {
          name: 'id-back.png',
          mimeType: 'image/png',
          buffer: gradientPng(160, 100, [220, 90, 70]),
        },
      ],
      [
        'storefront',
        {
          name: 'shop-sign.png',
          mimeType: 'image/png',
          buffer: gradientPng(160, 120, [40, 170, 110]),
        },
      ],
      [
        'storefront',
        {
          name: 'shop-inside.png',
          mimeType: 'image/png',
          buffer: gradientPng(160, 120, [230, 170, 40]),
        },
      ],
    ];
    const expected: Record<string, number> = {};
    for (const [type, file] of uploads) {
      await phone.getByTestId(`doc-input-${type}`).setInputFiles(file);
      expected[type] = (expected[type] ?? 0) + 1;
      await expect(phone.getByTestId(`doc-slot-${type}`).locator('.h5-doc-tile')).toHaveCount(
        expected[type],
      );
      await expect(phone.getByTestId(`doc-error-${type}`)).toHaveCount(0);
    }
    await expect(phone.getByTestId('doc-slot-id_front').locator('img')).toBeVisible();
    await screenshot(phone, 'h5-apply', 'documents');

    await phone.getByTestId('apply-step-referral').click();
    await screenshot(phone, 'h5-apply', 'referral');
    await phone.getByTestId('apply-submit').click();
    await expect(phone.getByTestId('application-status-title')).toHaveText('已提交');
    await expect(phone.getByTestId('continue-link-url')).toBeVisible();
    // 市南区 is served by 市南支行, whose staff review it below.
    await expect(phone.getByTestId('application-status')).toContainText('市南支行');
    await screenshot(phone, 'h5-apply', 'submitted');
    await phone.getByTestId('h5-language').click();
    await expect(phone.getByTestId('application-status-title')).toHaveText('Submitted');
    await screenshot(phone, 'h5-apply', 'submitted-english');
    await phone.getByTestId('h5-language').click();
    await expect(phone.getByTestId('application-status-title')).toHaveText('已提交');
  });

  await test.step('the operator takes the application and asks for changes', async () => {
    await signIn(desk, 'shinan.operator', staffPassword);
    await expect(desk).toHaveURL(/\/console$/);
    // A staff session has no business in the merchant portal.
    await desk.goto('/merchant');
    await expect(desk).toHaveURL(/\/console$/);

    await desk.getByTestId('nav-review').click();
    const queue = desk.getByTestId('review-queue-table');
    await expect(queue).toContainText(applicant.shortName);
    await screenshot(desk, 'review', 'queue');
    await desk.getByTestId(`queue-link-${applicationId}`).click();
    await expect(desk.getByTestId('merchant-title')).toContainText(applicant.shortName);
    await screenshot(desk, 'review', 'detail');
    await desk.getByRole('tab', { name: '材料' }).click();
    await expect(desk.getByTestId('merchant-documents')).toBeVisible();
    await expect(desk.getByTestId('document-id_front')).toBeVisible();
    await screenshot(desk, 'review', 'documents');

    // First round: the operator sends it back with what to change.
    await desk.getByTestId('merchant-start-review').click();
    await desk.getByTestId('confirm-ok').click();
    await desk.getByTestId('merchant-review').click();
    await desk.getByTestId('review-outcome').getByText('退回补正').click();
    await desk.getByTestId('review-reason').fill(changeRequest);
    await desk.getByTestId('review-decision-submit').click();
    await expect(desk.getByTestId('status-reason')).toContainText(changeRequest);
    await screenshot(desk, 'review', 'needs-changes');
  });

  await test.step('the applicant reads what to change, edits and submits again', async () => {
    await phone.reload();
    await expect(phone.getByTestId('application-status-title')).toHaveText('需修改');
    await expect(phone.getByTestId('application-status-reason')).toHaveText(changeRequest);
    await screenshot(phone, 'h5-apply', 'needs-changes');
    await phone.getByTestId('application-edit').click();
    await phone.getByTestId('apply-step-business').click();
    await field(phone, 'address').fill(correctedAddress);
    // Personal fields come back masked and empty; the saved value is shown beside them.
    await phone.getByTestId('apply-step-legalRep').click();
    await expect(phone.getByTestId('field-legalRepIdNumber')).toContainText('已保存');
    await screenshot(phone, 'h5-apply', 'edit');
    await phone.getByTestId('apply-step-referral').click();
    await phone.getByTestId('apply-submit').click();
    await expect(phone.getByTestId('application-status-title')).toHaveText('已提交');
  });

  await test.step('the operator takes it again and recommends approval', async () => {
    await desk.reload();
    await desk.getByTestId('merchant-start-review').click();
    await desk.getByTestId('confirm-ok').click();
    await desk.getByTestId('merchant-review').click();
    await desk.getByTestId('review-risk-level').getByText('低风险').click();
    await pickOption(desk, desk.getByTestId('review-fee-plan'), '标准费率');
    await screenshot(desk, 'review', 'recommend');
    await desk.getByTestId('review-decision-submit').click();
    await expect(desk.getByTestId('awaiting-approval')).toBeVisible();
    // The operator holds no approval right, so the checker's button is not offered.
    await expect(desk.getByTestId('merchant-approve')).toHaveCount(0);
    await screenshot(desk, 'review', 'recommended');
    await signOut(desk);
  });

  await test.step('the branch manager enrolls MFA and approves', async () => {
    await signIn(desk, 'shinan.manager', staffPassword);
    const secret = desk.getByTestId('mfa-secret');
    await expect(secret).toBeVisible();
    const totpSecret = ((await secret.textContent()) ?? '').trim();
    await desk.getByTestId('mfa-enroll-code').fill(await freshTotp(totpSecret));
    await desk.getByTestId('mfa-enroll-submit').click();
    await desk.getByTestId('recovery-codes-saved').click();
    await expect(desk).toHaveURL(/\/console$/);

    await desk.goto(`/console/merchants/${encodeURIComponent(applicationId)}`);
    await expect(desk.getByTestId('merchant-title')).toContainText(applicant.shortName);
    await desk.getByTestId('merchant-approve').click();
    await desk.getByTestId('confirm-ok').click();
    await expect(desk.getByTestId('merchant-approve')).toHaveCount(0);
    await expect(desk.locator('[data-status="active"]').first()).toHaveText('已开通');
    await screenshot(desk, 'review', 'approved');

    // The new merchant's whole story is in its history tab, and it now lists with the branch's.
    await desk.getByRole('tab', { name: '历史' }).click();
    await expect(desk.getByText('批准').first()).toBeVisible();
    await screenshot(desk, 'review', 'history');
    await desk.goto('/console/merchants');
    await expect(desk.getByTestId('merchant-table')).toContainText(applicant.shortName);
    await expect(desk.getByTestId('merchant-table')).toContainText('王记水果店');
    await screenshot(desk, 'console', 'merchant-list');
    await desk.goto('/console/referrals');
    await expect(desk.getByTestId('referral-table').locator('tbody tr').first()).toBeVisible();
    await screenshot(desk, 'console', 'referrals');
    await signOut(desk);
  });

  await test.step('the applicant sees 已开通 and sets the owner password', async () => {
    // Opened again without the hash: this phone kept the token when the draft was created.
    await phone.goto(`/apply/${encodeURIComponent(applicationId)}`);
    await expect(phone.getByTestId('application-status-title')).toHaveText('已开通');
    await screenshot(phone, 'h5-apply', 'active');
    await phone.getByTestId('owner-password').locator('input').fill(ownerPassword);
    await phone.getByTestId('owner-password-confirm').locator('input').fill(ownerPassword);
    await phone.getByTestId('owner-password-submit').click();
    await expect(phone.getByTestId('owner-ready')).toBeVisible();
    await screenshot(phone, 'h5-apply', 'owner-password-set');
    await phone.getByTestId('go-merchant-login').click();
  });

  await test.step('the owner signs in and sees the approval in the portal', async () => {
    await expect(phone).toHaveURL(/\/merchant\/login$/);
    await phone.getByTestId('login-username').fill(applicant.mobile);
    await phone.getByTestId('login-password').fill(ownerPassword);
    await screenshot(phone, 'portal', 'login');
    await phone.getByTestId('login-submit').click();
    await expect(phone).toHaveURL(/\/merchant$/);
    await expect(phone.getByTestId('portal-merchant-status')).toHaveText('已开通');
    await expect(phone.getByTestId('portal-unread-merchant_approved')).toBeVisible();
    await screenshot(phone, 'portal', 'overview-phone');
    // A merchant session has no business in the console.
    await phone.goto('/console');
    await expect(phone).toHaveURL(/\/merchant$/);
  });

  await test.step('the owner walks through the portal on a desktop', async () => {
    await desk.goto('/merchant/login');
    await desk.getByTestId('login-username').fill(applicant.mobile);
    await desk.getByTestId('login-password').fill(ownerPassword);
    await desk.getByTestId('login-submit').click();
    await expect(desk.getByTestId('portal-unread')).toContainText('审核通过');
    await screenshot(desk, 'portal', 'overview');

    await desk.getByTestId('portal-nav-profile').click();
    await expect(desk.getByTestId('portal-profile')).toContainText(correctedAddress);
    await expect(desk.getByTestId('portal-settlement')).toContainText('青岛农商银行');
    await desk.getByTestId('account-change-open').click();
    // Without MFA there is no code to confirm a new account with; the page says where to turn it on.
    await expect(desk.getByTestId('account-change-mfa-needed')).toBeVisible();
    await screenshot(desk, 'portal', 'account-change-needs-mfa');
    await desk.keyboard.press('Escape');

    await desk.getByTestId('portal-nav-stores').click();
    await desk.getByTestId('store-add').click();
    await desk.getByTestId('store-form-name').fill('香港中路店');
    await desk.getByTestId('region-cascader').click();
    for (const level of ['山东省', '青岛市', '市南区']) {
      await desk.locator('.ant-cascader-menu-item:visible').filter({ hasText: level }).click();
    }
    await desk.getByTestId('store-form-address').fill(applicant.address);
    await desk.getByTestId('store-form-submit').click();
    await expect(desk.getByTestId('store-table')).toContainText('香港中路店');
    await screenshot(desk, 'portal', 'stores');

    await desk.getByTestId('portal-nav-staff').click();
    await desk.getByTestId('portal-staff-add').click();
    await desk.getByTestId('portal-staff-name').fill('收银员 小李');
    await desk.getByTestId('portal-staff-mobile').fill(`138${randomDigits(8)}`);
    await pickOption(desk, desk.getByTestId('portal-staff-store'), '香港中路店');
    await desk.getByTestId('portal-staff-submit').click();
    await expect(desk.getByTestId('portal-temporary-password')).toBeVisible();
    await screenshot(desk, 'portal', 'staff-temporary-password');
    await desk.getByTestId('portal-temporary-password-close').click();
    await expect(desk.getByTestId('portal-staff-table')).toContainText('收银员 小李');
    await screenshot(desk, 'portal', 'staff');

    await desk.getByTestId('portal-nav-markets').click();
    await expect(desk.getByTestId('portal-available-markets')).toBeVisible();
    await screenshot(desk, 'portal', 'markets');

    await desk.getByTestId('portal-nav-notifications').click();
    const approved = desk.getByTestId('notification-merchant_approved');
    await expect(approved).toHaveAttribute('data-read', 'false');
    await approved.getByRole('button', { name: '标为已读' }).click();
    await expect(approved).toHaveAttribute('data-read', 'true');
    await screenshot(desk, 'portal', 'notifications');

    await desk.getByTestId('portal-nav-security').click();
    await expect(desk.getByTestId('portal-mfa-status')).toBeVisible();
    await screenshot(desk, 'portal', 'security');

    await desk.getByTestId('portal-user-menu').click();
    await desk.getByTestId('portal-user-logout').click();
    await expect(desk).toHaveURL(/\/merchant\/login$/);
  });

  await test.step('a wrong setup code is refused in words', async () => {
    await desk.getByTestId('merchant-setup-link').click();
    await desk.getByTestId('setup-mobile').fill(applicant.mobile);
    await desk.getByTestId('setup-code').fill('12345678');
    await desk.getByTestId('setup-password').fill('Another2026pass');
    await desk.getByTestId('setup-confirm-password').fill('Another2026pass');
    await desk.getByTestId('setup-submit').click();
    await expect(desk.getByTestId('setup-error')).toBeVisible();
    await screenshot(desk, 'portal', 'setup-code-refused');
  });

  await phoneContext.close();
  await deskContext.close();
});
