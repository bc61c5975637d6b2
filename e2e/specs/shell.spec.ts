import { DEMO_PASSWORD, expect, login, test } from '../fixtures';

test('a wrong password is refused with a message, the right one opens the workbench', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel('用户名').fill('organiser');
  await page.getByLabel('密码', { exact: true }).fill('wrong-password');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByTestId('login-error')).toContainText('用户名或密码错误');

  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByRole('heading', { name: /你好，王考核/ })).toBeVisible();
  await expect(page.getByTestId('user-menu')).toContainText('区考核办');
});

test('signing out ends the session', async ({ page }) => {
  await login(page, 'leader');
  await page.getByTestId('user-menu').hover();
  await page.getByText('退出登录').click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
});
