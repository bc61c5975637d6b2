import type { Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, test } from '../fixtures';

const menuItems = (page: Page) => page.locator('.ant-layout-sider').getByRole('menuitem');
const CJK = /[\u4e00-\u9fff]/;

test('English is chosen on the login page, kept across a reload, and 中文 comes back from the user menu', async ({
  page,
}) => {
  await page.goto('/login');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.getByTestId('language-switch').getByText('English').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.getByLabel('Username').fill('organiser');
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: /Hello, 王考核/ })).toBeVisible();
  await expect(page.getByTestId('user-menu')).toContainText('Assessment office');

  // Every menu label, features' included, comes from the English catalogue.
  await expect(menuItems(page).first()).toHaveText('Workbench');
  for (const label of await menuItems(page).allTextContents()) expect(label).not.toMatch(CJK);
  await expect(page.getByRole('menuitem', { name: 'Working-day calendar' })).toBeVisible();

  await page.getByRole('menuitem', { name: 'Units' }).click();
  await expect(page.getByRole('heading', { name: 'Units' })).toBeVisible();
  await expect(page.getByPlaceholder('Find by name or code')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Units' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // Ant Design's own words follow too (its locale switches with ours): an empty table says so in English.
  await page.getByRole('menuitem', { name: 'Users' }).click();
  await expect(page.getByText(/^Accounts: \d+$/)).toBeVisible();
  await page.getByPlaceholder('Username or name').fill('no-such-account');
  await page.getByPlaceholder('Username or name').press('Enter');
  await expect(page.locator('.ant-table .ant-empty-description')).toHaveText('No data');

  await page.getByTestId('user-menu').hover();
  await page.getByRole('menuitem', { name: '简体中文' }).click();
  await expect(page.getByRole('heading', { name: '用户管理' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: '单位管理' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.reload();
  await expect(page.getByRole('heading', { name: '用户管理' })).toBeVisible();
});
