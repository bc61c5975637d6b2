import { expect, loginInEnglish, test } from '../fixtures';

test('in English, the supervision ledger speaks English; the demo data stays as entered', async ({ page }) => {
  await loginInEnglish(page, 'organiser');

  await page.getByRole('menuitem', { name: 'Supervision ledger' }).click();
  await expect(page.getByRole('heading', { name: 'Supervision ledger' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Lead unit' })).toBeVisible();
  await page.getByTestId('filter-colour').click();
  await page.getByTitle('Overdue').click();
  // The demo's overdue item: English words for the light, its title and unit as entered.
  const row = page.getByRole('row', { name: /高端装备企业用电增容/ });
  await expect(row.getByTestId('colour-red')).toHaveText('12 days overdue');
  await expect(row.getByText('区工信局')).toBeVisible();
  await expect(page.getByText('督查督办台账')).toHaveCount(0);

  await row.getByRole('link').click();
  await expect(page.getByText('Responsible leader')).toBeVisible();
  await expect(page.getByText('History', { exact: true })).toBeVisible();
  await expect(page.getByText('办理过程')).toHaveCount(0);
});
