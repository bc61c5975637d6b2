import { expect, type Locator, type Page } from '@playwright/test';

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
 * Picks an option of the drop-down that is open now. A closed drop-down of the page stays in the DOM
 * (hidden), so options are looked for only in the open one, and the pick is checked on the field.
 */
export async function pickOption(page: Page, field: Locator, text: string): Promise<void> {
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: text })
    .first()
    .click();
  await expect(field.locator('xpath=ancestor::div[contains(@class,"ant-select")][1]')).toContainText(text);
}
