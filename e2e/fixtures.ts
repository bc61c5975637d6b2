import { expect, test as base, type Locator, type Page } from '@playwright/test';

export { expect };

/** The first server's port; with E2E_SERVERS=n, worker i talks to the server on `port + i` (playwright.config.ts). */
const firstPort = Number(process.env.E2E_PORT ?? 3100);

/** The port of the server this test's worker talks to. */
export function serverPort(): number {
  return firstPort + test.info().parallelIndex;
}

/**
 * Every spec's `test`: its pages and request context talk to its worker's own server, each with its own
 * in-memory demo, so two workers run side by side without seeing each other's data.
 */
export const test = base.extend({
  // Playwright reads a fixture's dependencies from its first parameter's pattern: none here.
  // eslint-disable-next-line no-empty-pattern
  baseURL: async ({}, use, testInfo) => {
    await use(`http://localhost:${firstPort + testInfo.parallelIndex}`);
  },
});

export const DEMO_PASSWORD = 'Leitai@2026';

/** Signs in through the login form as a demo account and waits for the shell. */
export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByTestId('user-menu')).toBeVisible();
}

/** Chooses English on the login page, signs in as a demo account and waits for the shell. */
export async function loginInEnglish(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('language-switch').getByText('English').click();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('user-menu')).toBeVisible();
}

/** Opens the bell and follows the newest notice that shows `text`. */
export async function openNotice(page: Page, text: string | RegExp): Promise<void> {
  await page.getByTestId('notification-bell').click();
  const notice = page.getByTestId('notification-list').getByText(text).first();
  await expect(notice).toBeVisible();
  await notice.click();
}

/**
 * Chooses an option of a Select by keyboard, after its list is open: the option whose text matches, or the
 * first. A click on an option while the dialog around it still animates was seen to close the list with
 * nothing chosen (CI's evaluation and visits failures); Arrow and Enter do not depend on where things are
 * drawn. The choice is then checked on the field itself.
 */
export async function pickOption(page: Page, field: Locator, text?: string): Promise<void> {
  // Not a list still sliding away from the previous Select (CI saw both at once: a strict-mode violation).
  const list = page.locator(
    '.ant-select-dropdown:not(.ant-select-dropdown-hidden):not(.ant-slide-up-leave):not(.ant-slide-down-leave)',
  );
  if (!(await list.isVisible())) await field.click();
  await expect(list.locator('.ant-select-item-option', { hasText: text ?? '' }).first()).toBeVisible();
  const active = list.locator('.ant-select-item-option-active');
  for (let i = 0; text && i < 50 && !(await active.innerText()).includes(text); i++) await field.press('ArrowDown');
  await field.press('Enter');
  const shown = shownValue(field);
  if (text) await expect(shown).toContainText(text);
  else await expect(shown).toHaveClass(/ant-select-content-has-value/);
}

/**
 * Chooses a node of a TreeSelect by its title, then waits for the tree's list to close: a Select opened while
 * the tree's list still fades out had its options move under the pointer (admin.spec's "not stable" flake).
 */
export async function pickTreeNode(page: Page, field: Locator, text: string): Promise<void> {
  const list = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  if (!(await list.isVisible())) await field.click();
  await list.locator('.ant-select-tree-node-content-wrapper', { hasText: text }).first().click();
  await expect(list).toHaveCount(0);
  await expect(shownValue(field)).toContainText(text);
}

/** What a Select shows as chosen: its `ant-select-content` box (a multiple Select's tags are inside it). */
function shownValue(field: Locator): Locator {
  return field.locator(
    'xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select-content ")][1]',
  );
}
