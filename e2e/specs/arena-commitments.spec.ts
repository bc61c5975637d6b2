import { expect, login, openNotice, test } from '../fixtures';

test('a promise made on stage is recorded from the result page and lands on the unit’s ledger', async ({ browser }) => {
  const promise = `年内新增规上工业企业15家（${Date.now() % 100000}）`;
  const organiser = await browser.newPage();
  await login(organiser, 'organiser');
  await organiser.getByRole('menuitem', { name: '擂台赛' }).click();
  await organiser
    .getByRole('row', { name: /当龙头作表率开新局/ })
    .getByRole('link', { name: '成绩' })
    .click();
  await expect(organiser.getByTestId('result-table')).toBeVisible();

  await organiser.getByRole('button', { name: '记录表态' }).click();
  const dialog = organiser.getByRole('dialog');
  await dialog.getByLabel('表态单位').fill('区工信局');
  await dialog.getByLabel('表态单位').press('Enter');
  await dialog.getByLabel('表态内容').fill(promise);
  await dialog.getByLabel('完成期限').click();
  await dialog.getByLabel('完成期限').fill(`${new Date().getFullYear() + 1}-06-30`);
  await dialog.getByLabel('完成期限').press('Enter');
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(organiser.getByText('已记录表态，并交办给该单位')).toBeVisible();
  const row = organiser.getByTestId('commitments').getByRole('row', { name: promise });
  await expect(row).toContainText('区工信局');
  await expect(row.getByTestId('colour-green')).toBeVisible();

  // The unit head hears of it as a new supervised item, which says where it was promised.
  const head = await browser.newPage();
  await login(head, 'head.gxj');
  await openNotice(head, `新督办事项：${promise}`);
  await expect(head.getByRole('heading', { name: promise })).toBeVisible();
  await expect(head.getByRole('link', { name: '“当龙头作表率开新局”局长擂台赛' })).toBeVisible();
  await expect(head.getByText('擂台承诺').first()).toBeVisible();
});

test('the brief of the coming arena shows each town’s lights, supervised items and earlier promises', async ({
  page,
}) => {
  await login(page, 'organiser');
  await page.getByRole('menuitem', { name: '擂台赛' }).click();
  await page
    .getByRole('row', { name: /书记擂台赛/ })
    .getByRole('link', { name: '赛前简报' })
    .click();
  await expect(page.getByRole('heading', { name: /书记擂台赛 · 赛前简报/ })).toBeVisible();
  const brief = page.getByTestId('brief');
  await expect(brief.locator('tbody tr.ant-table-row')).toHaveCount(10);
  // The demo campaign's last month lights every town up; 流亭街道 has supervised items in hand.
  await expect(brief.getByTestId('brief-green').first()).toBeVisible();
  await expect(brief.getByRole('row', { name: /流亭街道/ })).toContainText(/在办 [1-9]/);
  // …and prints for the leaders' folders.
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /导出 Word/ }).click(),
  ]);
  expect(file.suggestedFilename()).toMatch(/书记擂台赛赛前简报\.docx$/);
});
