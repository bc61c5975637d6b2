import { expect, loginInEnglish, test } from '../fixtures';

/** The arena in English: the organiser's pages after the login page's switch, and the pages without an account. */
test('the organiser switches to English on the login page and the arena pages follow', async ({ page }) => {
  await loginInEnglish(page, 'organiser');

  await page.goto('/arenas');
  await expect(page.getByRole('heading', { name: 'Arena contests' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Draw seed' })).toBeVisible();
  // The finished demo arena: its status tag and its result page, with the default criteria named in English.
  const finished = page.getByRole('row').filter({ hasText: 'Finished' }).first();
  await finished.getByRole('link', { name: 'Results' }).click();
  await expect(page.getByRole('columnheader', { name: 'Presentation (20)' })).toBeVisible();
  await expect(page.getByText(/Running-order draw seed: /)).toBeVisible();
  await expect(page.getByText('出场顺序抽签种子')).toHaveCount(0);
});

test("a judge's phone follows the browser's language unless one was chosen; the big screen stays Chinese", async ({
  browser,
}) => {
  const english = await browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 }, isMobile: true });
  const phone = await english.newPage();
  await phone.goto('/judge');
  await expect(phone.getByTestId('judge-join')).toHaveText('Start scoring');

  await english.close();

  // The big screen ignores the browser: 简体中文 unless chosen (an unknown token still shows the page's frame).
  const hall = await browser.newContext({ locale: 'en-US', viewport: { width: 1920, height: 1080 } });
  const screen = await hall.newPage();
  await screen.goto('/screen/no-such-token');
  await expect(screen.getByTestId('screen')).toContainText('正在连接');
  await hall.close();

  const chosen = await browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 }, isMobile: true });
  await chosen.addInitScript("localStorage.setItem('leitai.language', 'zh-CN')");
  const chinesePhone = await chosen.newPage();
  await chinesePhone.goto('/judge');
  await expect(chinesePhone.getByTestId('judge-join')).toHaveText(/进入评分/);
  await chosen.close();
});
