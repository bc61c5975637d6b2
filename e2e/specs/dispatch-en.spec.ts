import { expect, loginInEnglish, test } from '../fixtures';

test('in English, the dispatch board speaks English; the demo data stays as entered', async ({ page }) => {
  await loginInEnglish(page, 'organiser');

  await page.getByRole('menuitem', { name: 'Dispatch board' }).click();
  await expect(page.getByRole('heading', { name: 'Dispatch board' })).toBeVisible();
  await expect(page.getByText(/only accepted figures count/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Dispatch bulletin (Word)' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Rank' })).toBeVisible();
  await expect(page.getByText('Due / awaiting review')).toBeVisible();
  // The demo's last month has lights on the board, in English words.
  await expect(page.getByTestId('warning-green').first()).toHaveText('Green');
  await expect(page.getByText('调度看板')).toHaveCount(0);
  await expect(page.getByText('区发改局').first()).toBeVisible();
});
