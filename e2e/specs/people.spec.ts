import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { expect, login, pickOption, test } from '../fixtures';

/**
 * People on the stage (issue 17): a street office sets up a 书记擂台 whose contestants are its community
 * secretaries in person, with the template's criteria; a promise a secretary makes on stage shows in her
 * record (干部实绩档案), which the organisation department opens and prints as a Word dossier, and she reads herself.
 */
test('a street organiser sets up a 书记擂台 with the secretaries on stage', async ({ page }) => {
  await login(page, 'organiser.liuting');
  await page.goto('/arenas');
  await page.getByRole('button', { name: '新建擂台赛' }).click();
  const drawer = page.locator('.ant-drawer');
  // pickOption chooses by keyboard and waits for the choice to show: a click on an option still fading in
  // could miss it on a loaded machine.
  await pickOption(page, drawer.getByLabel('擂台类型'), '书记擂台');
  // The template's criteria, editable: the office gives 现场表现 more weight this time.
  await expect(drawer.getByLabel('评分项').first()).toHaveValue('抓党建');
  await drawer.getByLabel('满分').nth(3).fill('20');
  await drawer.getByLabel('满分').nth(2).fill('20');
  await drawer.getByLabel('名称').fill('流亭街道E2E书记擂台');
  await drawer.getByLabel('日期').fill('2026-12-22');
  await drawer.getByLabel('日期').press('Enter');
  const people = drawer.getByLabel('上台干部（个人参赛，代表所在单位）');
  await people.click();
  for (const name of ['刘志强', '王海燕']) {
    await page.keyboard.type(name);
    await pickOption(page, people, name);
  }
  await page.keyboard.press('Escape');
  await drawer.getByPlaceholder('姓名').first().fill('街道党工委书记');
  await drawer.getByRole('button', { name: /创\s*建/ }).click();
  await expect(page).toHaveURL(/\/arenas\/\d+\/host$/);
  const id = Number(/\/arenas\/(\d+)\/host/.exec(page.url())![1]);
  const detail = await (await page.request.get(`/api/arenas/${id}`)).json();
  expect(detail.kindLabel).toBe('书记擂台');
  expect(detail.scheme.criteria).toEqual([
    { id: '抓党建', max: 30 },
    { id: '促发展', max: 30 },
    { id: '惠民生', max: 20 },
    { id: '现场表现', max: 20 },
  ]);
  expect(detail.contestants.map((c: { presenter: string; unitName: string }) => `${c.unitName}${c.presenter}`)).toEqual(
    ['双埠社区刘志强', '东流亭社区王海燕'],
  );
});

test('a secretary’s promise on stage shows in her record, printed as a Word dossier and read by herself', async ({
  browser,
}) => {
  const promise = `明年上半年建成双埠社区党群服务中心（${Date.now() % 100000}）`;
  const street = await browser.newPage();
  await login(street, 'organiser.liuting');
  await street.goto('/arenas');
  await street
    .getByRole('row')
    .filter({ hasText: '社区书记擂台' })
    .filter({ hasText: '已结束' })
    .first()
    .getByRole('link', { name: '成绩' })
    .click();
  await expect(street.getByTestId('result-table')).toBeVisible();
  const arenaTitle = (await street.getByRole('heading', { name: /· 成绩$/ }).textContent())!
    .replace(/\s*·.*$/, '')
    .trim();
  await street.getByRole('button', { name: '记录表态' }).click();
  const dialog = street.getByRole('dialog');
  await dialog.getByLabel('表态单位').fill('双埠社区');
  await dialog.getByLabel('表态单位').press('Enter');
  await dialog.getByLabel('表态内容').fill(promise);
  await dialog.getByLabel('完成期限').click();
  await dialog.getByLabel('完成期限').fill(`${new Date().getFullYear() + 1}-06-30`);
  await dialog.getByLabel('完成期限').press('Enter');
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(street.getByText('已记录表态，并交办给该单位')).toBeVisible();
  await street.close();

  // The organisation department opens her record from the register.
  const dept = await browser.newPage();
  await login(dept, 'orgdept');
  await dept.getByRole('menuitem', { name: '干部名册' }).click();
  await dept.getByPlaceholder('按姓名查找').fill('刘志强');
  await dept.getByPlaceholder('按姓名查找').press('Enter');
  await dept
    .getByRole('row', { name: /刘志强/ })
    .getByRole('link', { name: '实绩档案' })
    .click();
  await expect(dept.getByRole('heading', { name: '刘志强同志实绩档案' })).toBeVisible();
  await expect(dept.getByRole('link', { name: arenaTitle }).first()).toBeVisible();
  await expect(dept.getByRole('link', { name: promise })).toBeVisible();
  // The department records a 容错免责 decision; it shows in the record (and then in the dossier).
  await dept.getByTestId('add-exemption').click();
  const modal = dept.locator('.ant-modal');
  await modal.getByLabel('事项', { exact: true }).fill('老旧小区改造工期延误');
  await modal.getByLabel('依据').fill('《城阳区容错纠错实施办法》第五条');
  await modal.getByLabel('决定机关').fill('区纪委监委');
  await modal.getByLabel('决定日期').fill('2026-11-20');
  await modal.getByLabel('决定日期').press('Enter');
  await modal.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(dept.getByText('已登记，档案中可见')).toBeVisible();
  await expect(dept.getByRole('row', { name: /老旧小区改造工期延误.*予以容错免责.*区纪委监委/ })).toBeVisible();
  const [download] = await Promise.all([dept.waitForEvent('download'), dept.getByTestId('record-docx').click()]);
  expect(download.suggestedFilename()).toBe('刘志强同志实绩档案.docx');
  const zip = await JSZip.loadAsync(await readFile((await download.path())!));
  const xml = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
  expect(xml).toContain('刘志强同志实绩档案');
  expect(xml).toMatch(/〔\d{4}〕\d+号/);
  expect(xml).toContain(arenaTitle);
  expect(xml).toContain(promise);
  expect(xml).toContain('六、容错免责');
  expect(xml).toContain('2026年11月20日');
  // The promise links to its ledger item.
  await dept.getByRole('link', { name: promise }).click();
  await expect(dept.getByRole('heading', { name: promise })).toBeVisible();
  await dept.close();

  // She reads her own record, and nobody else's.
  const self = await browser.newPage();
  await login(self, 'secretary.shuangbu');
  await self.getByRole('menuitem', { name: '我的实绩档案' }).click();
  await expect(self.getByRole('heading', { name: '刘志强同志实绩档案' })).toBeVisible();
  await expect(self.getByRole('link', { name: promise })).toBeVisible();
  await expect(self.getByRole('row', { name: /老旧小区改造工期延误/ })).toBeVisible();
  await expect(self.getByTestId('add-exemption')).toHaveCount(0);
  const other = (await (await self.request.get('/api/cadres/mine')).json()) as { id: number };
  expect((await self.request.get(`/api/cadres/${other.id + 1}/record`)).status()).toBe(404);
  await self.close();
});
