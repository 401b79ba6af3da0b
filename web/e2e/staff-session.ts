import { expect, type Page } from '@playwright/test';
import { generate } from 'otplib';

/** TOTP steps are 30 s; the server refuses a step it already accepted (replay protection). */
const stepOf = (epochMs: number) => Math.floor(epochMs / 30_000);
let lastTotpStep = -1;

export async function freshTotp(secret: string): Promise<string> {
  while (stepOf(Date.now()) <= lastTotpStep) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  // Keep clear of a step boundary so the code is still current when it reaches the server.
  if (Date.now() % 30_000 > 27_000) await new Promise((resolve) => setTimeout(resolve, 3_500));
  lastTotpStep = stepOf(Date.now());
  return generate({ secret });
}

/** Fills in the console's sign-in form; what follows (MFA, password change) is the test's. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('user-menu-logout').click();
  await expect(page.getByTestId('login-username')).toBeVisible();
}
