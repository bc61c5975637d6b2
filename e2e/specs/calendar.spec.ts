import { expect, login, test } from '../fixtures';

// The page opens on the browser's current month; these flows use November 2026 of the demo's 2026 arrangement,
// so the browser's clock is fixed there (the server's is left alone).
test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-10T10:00:00+08:00'));
});

test('the organiser marks a holiday on the working-day calendar, and it is kept', async ({ page }) => {
  await login(page, 'organiser');
  await page.getByRole('menuitem', { name: '工作日历' }).click();
  await expect(page.getByRole('heading', { name: '工作日历' })).toBeVisible();
  await expect(page.getByText(/节假日 33 天/)).toBeVisible(); // the demo's 2026 State Council arrangement

  const day = page.getByTestId('day-2026-11-16');
  await day.click();
  await expect(day.getByText('休')).toBeVisible();
  await expect(page.getByText('有未保存的修改')).toBeVisible();
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('工作日历已保存')).toBeVisible();

  await page.reload();
  await expect(page.getByTestId('day-2026-11-16').getByText('休')).toBeVisible();
  await expect(page.getByText(/节假日 34 天/)).toBeVisible();

  // Put it back, so other flows see the official calendar.
  await page.getByTestId('day-2026-11-16').click();
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText(/节假日 33 天/)).toBeVisible();
});

test('a reporter cannot edit the calendar', async ({ page }) => {
  await login(page, 'reporter.fgj');
  await expect(page.getByRole('menuitem', { name: '工作日历' })).toHaveCount(0);
  await page.goto('/calendar');
  await page.getByTestId('day-2026-11-16').click();
  await expect(page.getByRole('button', { name: /保\s*存/ })).toHaveCount(0);
  await expect(page.getByTestId('day-2026-11-16').getByText('休')).toHaveCount(0);
});
