import { expect, login, test } from '../fixtures';

// A back-loaded investment profile (cumulative share due by each month end), as districts publish them.
const SEASONAL = ['0.02', '0.05', '0.12', '0.2', '0.28', '0.38', '0.46', '0.55', '0.65', '0.76', '0.88', '0.95'];

test('the office adds an indicator with a seasonal pace, is told what is wrong, then edits its rule', async ({
  page,
}) => {
  const name = `重点项目投资完成额${Date.now() % 100000}`;
  await login(page, 'organiser');
  await page.getByRole('menuitem', { name: '活动与指标' }).click();
  await page.getByRole('button', { name: '新增指标' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('指标名称').fill(name);
  await dialog.getByText('季节性进度').click();
  for (const [m, share] of SEASONAL.entries())
    await dialog.getByLabel(`${m + 1}月累计比例`, { exact: true }).fill(share);
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  // December must be 1: the server says so, and the dialog keeps what was typed.
  await expect(page.getByText('12 月的累计比例须为 1')).toBeVisible();
  await expect(dialog.getByLabel('11月累计比例', { exact: true })).toHaveValue('0.88');
  await dialog.getByLabel('12月累计比例', { exact: true }).fill('1');
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByText('已新增指标')).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('落后 10/30 个百分点');

  // Editing: the kind is fixed, the rule changes.
  await row.getByRole('button', { name: '编辑' }).click();
  await expect(dialog.getByText(`编辑指标：${name}`)).toBeVisible();
  await expect(dialog.getByLabel('12月累计比例', { exact: true })).toHaveValue('1.00');
  await expect(dialog.getByText('类型不可更改')).toBeVisible();
  await dialog.getByLabel('落后序时进度达此百分点为黄灯').fill('5');
  await dialog.getByLabel('超过此百分点为红灯').fill('20');
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByText('指标已保存')).toBeVisible();
  await expect(row).toContainText('落后 5/20 个百分点');
});

test('the office sets how many working days ahead units are reminded, and it is kept', async ({ page }) => {
  await login(page, 'organiser');
  await page.getByRole('menuitem', { name: '活动与指标' }).click();
  const setLead = async (from: string, to: string) => {
    await page.getByRole('button', { name: '催报设置' }).click();
    const field = page.getByRole('dialog').getByLabel('截止前提前催报的工作日数');
    await expect(field).toHaveValue(from);
    await field.fill(to);
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await expect(page.getByText('催报设置已保存').last()).toBeVisible();
  };
  await setLead('2', '5');
  await page.reload();
  await setLead('5', '2'); // kept across a reload, then put back for the other flows
});
