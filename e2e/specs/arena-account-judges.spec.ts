import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { expect, login, pickOption, test } from '../fixtures';

/**
 * Account judges (issue 17): the office picks a signed-in account as a judge besides an outside judge; that
 * user finds the arena on their home (today's first) and scores it without a code.
 */
async function api(page: Page, method: string, url: string, body?: unknown) {
  const me = await (await page.request.get('/api/auth/me')).json();
  const res = await page.request.fetch(url, {
    method,
    headers: { 'x-csrf-token': me.csrfToken },
    ...(body === undefined ? {} : { data: body }),
  });
  expect(res.ok(), await res.text()).toBe(true);
  return res.json();
}

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

test('the office adds an account judge, who finds the arena on their home and scores it signed in', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await login(page, 'organiser');
  await page.goto('/arenas');
  await page.getByRole('button', { name: '新建擂台赛' }).click();
  const drawer = page.locator('.ant-drawer');
  const title = `E2E账号评委擂台赛${Date.now() % 100000}`;
  await drawer.getByLabel('名称').fill(title);
  await drawer.getByLabel('日期').fill(today);
  await drawer.getByLabel('日期').press('Enter');
  const contestants = drawer.getByLabel('选手单位');
  await contestants.click();
  for (const unit of ['区发改局', '区商务局']) {
    await page.keyboard.type(unit);
    await pickOption(page, contestants, unit);
  }
  await page.keyboard.press('Escape');
  await drawer.getByPlaceholder('姓名').first().fill('外请专家甲');
  await drawer.getByTestId('add-account-judge').click();
  const account = drawer.getByTestId('account-judge-0').getByRole('combobox');
  await account.click();
  await page.keyboard.type('评委一');
  await pickOption(page, account, '评委一');
  await drawer.getByRole('button', { name: /创\s*建/ }).click();
  await expect(page).toHaveURL(/\/arenas\/\d+\/host$/);
  const id = Number(/\/arenas\/(\d+)\/host/.exec(page.url())![1]);
  const detail = await api(page, 'GET', `/api/arenas/${id}`);
  expect(detail.judges.map((j: { name: string; userId: number | null }) => [j.name, j.userId !== null])).toEqual([
    ['外请专家甲', false],
    ['评委一', true],
  ]);
  // Only the outside judge gets a code.
  const { codes } = await api(page, 'POST', `/api/arenas/${id}/codes`, {});
  expect(codes.map((c: { name: string }) => c.name)).toEqual(['外请专家甲']);

  // The judge signs in: the arena is on their home, marked today, waiting for the start.
  const judgeCtx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const judge = await judgeCtx.newPage();
  await login(judge, 'judge1');
  // The arena is a to-do on the judge's home: today's, not started.
  const card = judge.getByTestId('todo-arena.judging');
  await expect(card.getByTestId('todo-count')).toHaveText('1');
  await expect(card.getByRole('link', { name: `${title}（未开始）` })).toBeVisible();

  await api(page, 'POST', `/api/arenas/${id}/draw`, { seed: 'accounts-e2e' });
  for (const type of ['start', 'call', 'open']) await api(page, 'POST', `/api/arenas/${id}/host`, { type });
  await judge.reload();
  await card.getByRole('link', { name: `${title}（进行中）` }).click();
  await expect(judge).toHaveURL(new RegExp(`/judging/${id}$`));
  await expect(judge.getByRole('heading', { name: /评委一/ })).toBeVisible();
  const live = await api(page, 'GET', `/api/arenas/${id}/live`);
  await expect(judge.getByTestId('judge-contestant')).toHaveText(live.current.unitName);
  for (const [c, v] of [
    ['实绩', 34],
    ['举措', 26],
    ['表现', 17],
    ['作风', 8],
  ] as const)
    await judge.getByTestId(`criterion-${c}`).fill(String(v));
  await expect(judge.getByTestId('judge-total')).toHaveText('合计 85');
  await judge.getByTestId('judge-submit').click();
  await expect(judge.getByTestId('judge-submitted')).toBeVisible();
  // The host sees the submission counted; the audit names the user (server tests check the entry).
  await expect.poll(async () => (await api(page, 'GET', `/api/arenas/${id}/live`)).current.submitted).toBe(1);
  await judgeCtx.close();
});

test('the office reads a hall of judges from Excel into the set-up form, then creates the arena with them', async ({
  page,
}) => {
  await login(page, 'organiser');
  await page.goto('/arenas');
  await page.getByRole('button', { name: '新建擂台赛' }).click();
  const drawer = page.locator('.ant-drawer');
  await drawer.getByRole('button', { name: '从 Excel 导入评委' }).click();
  const template = await page.request.get('/api/arenas/options/judges/template');
  const sheet = async (rows: string[][]) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await template.body()) as unknown as ArrayBuffer); // exceljs's typing predates Node's Buffer
    const ws = wb.worksheets[0]!;
    for (let i = 0; i < Math.max(rows.length, 2); i += 1) ws.getRow(i + 2).values = rows[i] ?? [];
    return {
      name: '评委.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await wb.xlsx.writeBuffer()),
    };
  };
  const modal = page.locator('.ant-modal');
  await modal.locator('input[type=file]').setInputFiles(await sheet([['', '专家评委', 'nobody', '']]));
  await expect(modal.locator('.ant-table-row')).toContainText('找不到本考核办管理范围内的在用账号“nobody”');
  await modal.locator('input[type=file]').setInputFiles(
    await sheet([
      ['王教授', '专家评委', '', ''],
      ['赵主任', '领导评委', '', 'fgj'],
      ['', '领导评委', 'judge1', ''],
      ['孙记者', '媒体评委', '', ''],
    ]),
  );
  await expect(page.getByText('已读入 4 位评委，请核对后创建')).toBeVisible();
  await expect(page.getByText('已新增评委组：媒体评委，请设置其权重')).toBeVisible();
  const names = drawer.getByPlaceholder('姓名');
  await expect(names).toHaveCount(3);
  await expect(names.nth(0)).toHaveValue('王教授');
  await expect(names.nth(2)).toHaveValue('孙记者');
  await expect(drawer.getByTestId('account-judge-0')).toContainText('评委一');

  // The weights still add up to 1: 群众评委 gives the new group its 0.1.
  await drawer.getByTestId('group-weight-2').fill('0.1');
  const title = `E2E导入评委擂台赛${Date.now() % 100000}`;
  await drawer.getByLabel('名称').fill(title);
  await drawer.getByLabel('日期').fill(today);
  await drawer.getByLabel('日期').press('Enter');
  const contestants = drawer.getByLabel('选手单位');
  await contestants.click();
  for (const unit of ['区工信局', '区商务局']) {
    await page.keyboard.type(unit);
    await pickOption(page, contestants, unit);
  }
  await page.keyboard.press('Escape');
  await drawer.getByRole('button', { name: /创\s*建/ }).click();
  await expect(page).toHaveURL(/\/arenas\/\d+\/host$/);
  const id = Number(/\/arenas\/(\d+)\/host/.exec(page.url())![1]);
  const detail = await api(page, 'GET', `/api/arenas/${id}`);
  expect(
    detail.judges.map((j: { name: string; groupId: string; userId: number | null }) => [
      j.name,
      j.groupId,
      j.userId !== null,
    ]),
  ).toEqual([
    ['王教授', '专家评委', false],
    ['赵主任', '领导评委', false],
    ['孙记者', '媒体评委', false],
    ['评委一', '领导评委', true],
  ]);
});
