import type { Page } from '@playwright/test';
import { expect, login, test } from '../fixtures';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

/** Wide content (tables) must scroll inside its card: the page itself never scrolls sideways on a phone. */
const noSidewaysScroll = async (page: Page) =>
  expect.poll(() => page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);

test('on a phone the menu opens from a drawer and wide pages stay within the screen', async ({ page }) => {
  await login(page, 'organiser');
  await expect(page.locator('.ant-layout-sider')).toHaveCount(0);
  await noSidewaysScroll(page);

  await page.getByTestId('menu-open').click();
  await page.getByRole('menuitem', { name: '单位管理' }).click();
  await expect(page.getByRole('heading', { name: '单位管理' })).toBeVisible();
  await expect(page.locator('.ant-drawer-open')).toHaveCount(0);
  await noSidewaysScroll(page);

  await page.getByTestId('menu-open').click();
  await page.getByRole('menuitem', { name: '用户管理' }).click();
  await expect(page.getByRole('cell', { name: 'organiser', exact: true })).toBeVisible();
  await noSidewaysScroll(page);
});

test('on a phone the ledger keeps each item’s state and light in view, and its header readable', async ({ page }) => {
  await login(page, 'organiser');
  await page.goto('/ledger');
  const header = page.getByRole('columnheader', { name: '状态/亮灯' });
  await expect(header).toBeVisible();
  // A squeezed table wraps the header one character per line (about 110 px tall); readable is one line.
  expect((await header.boundingBox())!.height).toBeLessThan(70);
  const first = page.locator('[data-testid^="state-light-"]').first();
  await expect(first.locator('.ant-tag')).toHaveCount(2); // the state and the light
  const box = (await first.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  await expect(page.getByRole('row', { name: /高端装备企业用电增容/ }).getByTestId('colour-red')).toBeVisible();
  await noSidewaysScroll(page);
});
