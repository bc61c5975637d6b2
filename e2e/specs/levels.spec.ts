import type { Page } from '@playwright/test';
import { expect, login, test } from '../fixtures';

/**
 * Offices at every level (issue 17): 流亭街道's office runs its own 书记擂台 for its communities, the
 * district's office reads the street's results, and the street sees nothing of the district's or of
 * another office's. The street's monthly arenas are the demo's (docs/demo.md).
 */
async function arenaIds(page: Page): Promise<{ id: number; title: string; office: { name: string } }[]> {
  return (await page.request.get('/api/arenas')).json();
}

test('a street office sets up a 书记擂台 for its communities; the district office sees the street’s result', async ({
  page,
  browser,
}) => {
  await login(page, 'organiser.liuting');
  await page.goto('/arenas');
  // Only the street's own arenas: none of 城阳区's.
  await expect(page.getByRole('row').filter({ hasText: '社区书记擂台' }).first()).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '局长擂台赛' })).toHaveCount(0);

  await page.getByRole('button', { name: '新建擂台赛' }).click();
  const drawer = page.locator('.ant-drawer');
  await drawer.getByLabel('名称').fill('流亭街道E2E社区书记擂台');
  await drawer.getByLabel('日期').fill('2026-12-18');
  await drawer.getByLabel('日期').press('Enter');
  await drawer.getByLabel('选手单位').click();
  // The street picks among its own communities only: the district's departments are not offered.
  await page.keyboard.type('区发改局');
  await expect(page.locator('.ant-select-item-option', { hasText: '区发改局' })).toHaveCount(0);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  for (const unit of ['双埠社区', '南曲社区']) {
    await page.keyboard.type(unit);
    await page.locator('.ant-select-item-option', { hasText: unit }).first().click();
  }
  await page.keyboard.press('Escape');
  await drawer.getByPlaceholder('姓名').first().fill('街道党工委书记');
  await drawer.getByRole('button', { name: /创\s*建/ }).click();
  await expect(page).toHaveURL(/\/arenas\/\d+\/host$/);

  // The district's office lists the street's arenas beside its own, says whose each is, and opens the result.
  const district = await (await browser.newContext()).newPage();
  await login(district, 'organiser');
  await district.goto('/arenas');
  const streetRow = district.getByRole('row').filter({ hasText: '流亭街道E2E社区书记擂台' });
  await expect(streetRow).toContainText('流亭街道');
  // It reads the street's arena; running it is the street's (no host console link).
  await expect(streetRow.getByRole('link', { name: '主持台' })).toHaveCount(0);
  const finished = district.getByRole('row').filter({ hasText: '社区书记擂台' }).filter({ hasText: '已结束' }).first();
  await finished.getByRole('link', { name: '成绩' }).click();
  await expect(district.getByText('双埠社区').first()).toBeVisible();
  await expect(district.getByText('白沙湾社区').first()).toBeVisible();
  await district.context().close();
});

test('a street office cannot open the district’s arenas or another office’s', async ({ page, browser }) => {
  const district = await (await browser.newContext()).newPage();
  await login(district, 'organiser');
  const own = (await arenaIds(district)).find((a) => a.title.includes('局长擂台赛'))!;
  await district.context().close();

  await login(page, 'organiser.liuting');
  await page.goto(`/arenas/${own.id}/result`);
  await expect(page.getByText('擂台赛不存在或无权访问')).toBeVisible();
  expect((await arenaIds(page)).every((a) => a.office.name === '流亭街道')).toBe(true);
  expect((await page.request.get(`/api/arenas/${own.id}`)).status()).toBe(404);
  // Nor the district's campaigns and their reports.
  const campaigns = (await (await page.request.get('/api/dispatch/campaigns')).json()) as { campaigns: unknown[] };
  expect(campaigns.campaigns).toEqual([]);
});

test('the city office sees both districts ranked', async ({ page }) => {
  await login(page, 'organiser.city');
  await page.goto('/arenas');
  const row = page.getByRole('row').filter({ hasText: '区（市）擂台赛' });
  await expect(row).toContainText('青岛市');
  await row.getByRole('link', { name: '成绩' }).click();
  await expect(page.getByText('城阳区').first()).toBeVisible();
  await expect(page.getByText('西海岸新区').first()).toBeVisible();
});
