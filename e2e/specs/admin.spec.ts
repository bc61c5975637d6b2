import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { expect, login, pickOption, pickTreeNode, test } from '../fixtures';

/** A units import file: the template's header, then the given rows. */
async function unitsFile(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('单位');
  ws.addRow(['单位编码', '单位名称', '单位类型', '上级单位编码', '考核类别', '排序']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const menu = (page: Page, name: string) => page.getByRole('menuitem', { name });

test('each admin sees only their own work (三员分立)', async ({ page }) => {
  await login(page, 'auditor');
  await expect(menu(page, '审计日志')).toBeVisible();
  await expect(menu(page, '用户管理')).toHaveCount(0);
  await expect(menu(page, '安全策略')).toHaveCount(0);
  await page.getByTestId('user-menu').hover();
  await page.getByText('退出登录').click();

  await login(page, 'secadmin');
  await expect(menu(page, '安全策略')).toBeVisible();
  await expect(menu(page, '审计日志')).toHaveCount(0);
  await expect(menu(page, '单位管理')).toHaveCount(0);
});

test('an Excel import with one bad row shows that row’s error and changes nothing; a good file imports', async ({
  page,
}) => {
  // Codes unique to this run, so a retry on the same server starts from a clean slate.
  const a = `e2e-a${Date.now() % 100000}`;
  const b = `e2e-b${Date.now() % 100000}`;
  await login(page, 'sysadmin');
  await menu(page, '单位管理').click();
  await expect(page.getByRole('heading', { name: '单位管理' })).toBeVisible();
  await expect(page.getByTestId('unit-zjj')).toBeVisible();

  await page.getByRole('button', { name: '导入单位' }).click();
  const bad = await unitsFile([
    [a, '区新设机构甲', '部门', 'chengyang', '综合部门', '90'],
    [b, '区新设机构乙', '部门', 'no-such-unit', '', ''],
  ]);
  await page.locator('.ant-modal input[type=file]').setInputFiles({
    name: '单位.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: bad,
  });
  await expect(page.getByTestId('import-error')).toContainText('未写入任何数据');
  const problem = page.locator('.ant-modal .ant-table-row');
  await expect(problem).toHaveCount(1);
  await expect(problem).toContainText('3');
  await expect(problem).toContainText('上级单位编码');
  await expect(problem).toContainText('no-such-unit');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId(`unit-${a}`)).toHaveCount(0);

  await page.getByRole('button', { name: '导入单位' }).click();
  const good = await unitsFile([
    [a, '区新设机构甲', '部门', 'chengyang', '综合部门', '90'],
    [b, '区新设机构乙', '部门', a, '', ''],
  ]);
  await page.locator('.ant-modal input[type=file]').setInputFiles({
    name: '单位.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: good,
  });
  await expect(page.getByText('已导入 2 个单位')).toBeVisible();
  await expect(page.getByRole('dialog')).toBeHidden();
  // The new unit and its new child both show in the tree without a reload.
  await expect(page.getByTestId(`unit-${a}`)).toBeVisible();
  await expect(page.getByTestId(`unit-${b}`)).toBeVisible();
});

test('a unit can be edited and moved, and one with accounts cannot be stopped', async ({ page }) => {
  await login(page, 'organiser');
  await menu(page, '单位管理').click();
  await page.getByTestId('unit-kjj').click();
  await expect(page.getByLabel('单位名称')).toHaveValue('区科技局');
  await page.getByLabel('排序').fill('3');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('已保存“区科技局”')).toBeVisible();

  await page.getByTestId('unit-fgj').click();
  await page.getByRole('switch').click();
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText(/在用账号，请先调整后再停用/)).toBeVisible();
});

test('a new account gets a one-time password, which must be changed at first sign-in', async ({ page, browser }) => {
  await login(page, 'sysadmin');
  await menu(page, '用户管理').click();
  await page.getByRole('button', { name: '新建账号' }).click();
  const dialog = page.getByRole('dialog', { name: '新建账号' });
  const username = `e2e.reporter${Date.now() % 100000}`;
  await dialog.getByLabel('用户名').fill(username);
  await dialog.getByLabel('姓名').fill('测试填报员');
  await pickTreeNode(page, dialog.getByLabel('所属单位'), '区科技局');
  await pickOption(page, dialog.getByLabel('角色'), '单位填报员');
  await page.keyboard.press('Escape');
  await dialog.getByRole('button', { name: /建\s*立/ }).click();
  const password = (await page.getByTestId('temporary-password').innerText()).trim();
  expect(password.length).toBeGreaterThanOrEqual(12);
  await page.getByRole('button', { name: '我已记下' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByRole('cell', { name: username })).toBeVisible();

  const other = await browser.newPage();
  await other.goto('/login');
  await other.getByLabel('用户名').fill(username);
  await other.getByLabel('密码', { exact: true }).fill(password);
  await other.getByRole('button', { name: /登\s*录/ }).click();
  await expect(
    other
      .getByText('首次登录请先修改密码')
      .or(other.getByRole('heading', { name: /修改密码/ }))
      .first(),
  ).toBeVisible();
  await other.close();
});

test('a new auditor takes two people: the system admin asks, the security admin approves and hands over the password', async ({
  page,
  browser,
}) => {
  await login(page, 'sysadmin');
  await menu(page, '用户管理').click();
  await page.getByRole('button', { name: '新建账号' }).click();
  const dialog = page.getByRole('dialog', { name: '新建账号' });
  const username = `e2e.auditor${Date.now() % 100000}`;
  await dialog.getByLabel('用户名').fill(username);
  await dialog.getByLabel('姓名').fill('第二审计员');
  await pickTreeNode(page, dialog.getByLabel('所属单位'), '区考核办');
  await pickOption(page, dialog.getByLabel('角色'), '审计管理员');
  await page.keyboard.press('Escape');
  await dialog.getByRole('button', { name: /建\s*立/ }).click();
  await expect(page.getByText('管理员账号的变更须经安全管理员审批（三员分立），已提交审批')).toBeVisible();
  await expect(page.getByTestId('temporary-password')).toHaveCount(0);

  // The security admin, at another desk.
  const sec = await browser.newPage();
  await login(sec, 'secadmin');
  await menu(sec, '安全策略').click();
  const approvals = sec.locator('.ant-card', { hasText: '管理员账号审批' });
  const row = approvals.getByRole('row', { name: new RegExp(username) });
  await expect(row).toContainText('待审批');
  await row.getByRole('button', { name: /批\s*准/ }).click();
  const decide = sec.getByRole('dialog', { name: /批准/ });
  await decide.getByLabel('意见').fill('经研究同意');
  await decide.getByRole('button', { name: /确\s*定|OK/ }).click();
  const password = (await sec.getByTestId('temporary-password').innerText()).trim();
  expect(password.length).toBeGreaterThanOrEqual(12);
  await sec.getByRole('button', { name: '我已记下' }).click();
  await expect(row).toContainText('已批准');
  await sec.close();
});

test('the auditor filters the log, sees before and after, and verifies the chain', async ({ page }) => {
  await login(page, 'auditor');
  await menu(page, '审计日志').click();
  await expect(page.getByRole('heading', { name: '审计日志' })).toBeVisible();
  await expect(page.getByText(/应用不删除、不修改任何记录/)).toBeVisible();
  await page.getByPlaceholder('操作人').fill('auditor');
  await page.getByPlaceholder('操作人').press('Enter');
  await expect(page.locator('.ant-table-row').first()).toContainText('登录');
  await page.getByRole('button', { name: '校验完整性' }).click();
  await expect(page.getByText(/审计链完整：已校验 \d+ 条记录/)).toBeVisible();
});
