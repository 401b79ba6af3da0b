import { expect, type Locator, type Page } from '@playwright/test';

const openOptions =
  '.ant-select-dropdown:visible .ant-select-item-option, .ant-select-dropdown:visible .ant-select-tree-node-content-wrapper';

/**
 * Picks an option of an antd Select or TreeSelect by its text. antd renders the popup at the
 * end of <body> and animates it; on a loaded machine a click that lands while the popup is
 * still opening can be lost, leaving the popup open over the form. So a pick counts once the
 * select shows the option, and is tried again until then; a single select's popup must then be
 * gone before the test goes on (a multiple select's stays open by design).
 */
export async function pickOption(
  page: Page,
  trigger: Locator,
  text: string,
  options: { search?: string; multiple?: boolean } = {},
) {
  await expect(async () => {
    if ((await page.locator(openOptions).count()) === 0) {
      await trigger.click();
      if (options.search) await page.keyboard.type(options.search);
    }
    await page.locator(openOptions).filter({ hasText: text }).first().click({ timeout: 3_000 });
    await expect(trigger).toContainText(text, { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  if (options.multiple) return;
  const popup = page.locator('.ant-select-dropdown:visible');
  await popup
    .first()
    .waitFor({ state: 'hidden', timeout: 3_000 })
    // Moving the focus away closes a popup that missed its close, without touching a modal.
    .catch(() => page.keyboard.press('Tab'));
  await expect(popup).toHaveCount(0);
}
