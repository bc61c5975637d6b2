import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { expect, login, pickOption, test } from '../fixtures';

// Last month in Asia/Shanghai: the demo leaves 区工信局's report returned, its plant's month unreported.
const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
function lastMonth(): string {
  const [y, m] = shanghaiToday().split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
const YEAR = Number(lastMonth().slice(0, 4));
const PLANT = '城阳区新能源汽车电驱系统生产基地';

test.describe.configure({ timeout: 180_000 });

/** A register import file: the template's header, then the given rows. */
async function registerFile(page: Page, rows: (string | number)[][]): Promise<Buffer> {
  const template = await page.request.get(`/api/projects/import/template?year=${YEAR}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await template.body()) as unknown as ArrayBuffer); // exceljs's typing predates Node's generic Buffer
  const ws = wb.worksheets[0]!;
  ws.spliceRows(2, ws.rowCount);
  rows.forEach((r, i) => (ws.getRow(i + 2).values = r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const xlsx = (buffer: Buffer) => ({
  name: '重点项目.xlsx',
  mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  buffer,
});

test('the register imported, a month reported in the monthly form, a red card, the interview, the battle map', async ({
  browser,
}) => {
  const period = lastMonth();
  const code = `E2E-${Date.now() % 100000}`;
  // 1. The office imports two projects; one bad row refuses the file and is shown; the fixed file imports.
  const office = await browser.newPage();
  await login(office, 'organiser');
  await office.getByRole('menuitem', { name: '重点项目' }).click();
  await expect(office.getByRole('heading', { name: '重点项目库' })).toBeVisible();
  const good = [
    code,
    '城阳区智能装备产业园二期',
    '产业项目',
    90000,
    '区发改局',
    '',
    '李区长',
    '',
    '',
    '',
    '',
    '',
    '',
    12000,
    '',
    '',
    '',
    `${YEAR}-12-31`,
  ];
  const bad = [`${code}b`, '夏庄街道口袋公园群', '城建项目', 800, '区不存在局', '', '', '', '', '', '', '', '', 300];
  await office.getByRole('button', { name: '导入项目库' }).click();
  await office.locator('.ant-modal input[type=file]').setInputFiles(xlsx(await registerFile(office, [good, bad])));
  await expect(office.getByTestId('import-error')).toContainText('未写入任何数据');
  await expect(office.locator('.ant-modal .ant-table-row')).toContainText('找不到单位“区不存在局”');
  await office.locator('.ant-modal input[type=file]').setInputFiles(xlsx(await registerFile(office, [good])));
  await expect(office.getByText('已导入 1 个项目')).toBeVisible();
  await office.getByPlaceholder('搜索名称或编号').fill(code);
  await office.getByPlaceholder('搜索名称或编号').press('Enter');
  await expect(office.getByRole('link', { name: '城阳区智能装备产业园二期' })).toBeVisible();

  // 2. 区工信局's reporter fills the plant's month in the monthly report (short: nothing invested); the head submits.
  const reporter = await browser.newPage();
  await login(reporter, 'reporter.gxj');
  await reporter.getByRole('menuitem', { name: '本单位调度' }).click();
  // The returned report waits at the top of the unit's page.
  await reporter.getByRole('link', { name: '去填报' }).click();
  await expect(reporter.getByRole('heading', { name: `区工信局 · ${period} 月度调度` })).toBeVisible();
  const reportUrl = reporter.url();
  const section = reporter.getByTestId('project-section');
  await expect(section).toContainText(PLANT);
  await section.getByLabel(`${PLANT}本月完成投资（万元）`).fill('0');
  await section.getByLabel(`${PLANT}需协调解决的问题`).fill('进口设备清关延误，需商务部门协调');
  await reporter.getByRole('button', { name: /保\s*存/ }).click();
  await expect(reporter.getByText('已保存')).toBeVisible();

  const head = await browser.newPage();
  await login(head, 'head.gxj');
  await head.goto(reportUrl);
  await head.getByRole('button', { name: /^报\s*送$/ }).click();
  await head
    .getByRole('dialog')
    .filter({ hasText: '确认报送？' })
    .getByRole('button', { name: /确\s*定/ })
    .click();
  await expect(head.getByTestId('report-submitted')).toBeVisible();

  // 3. The office accepts the report: the month's card is settled red.
  await office.goto(reportUrl);
  await office.getByRole('button', { name: /审核通过/ }).click();
  await office
    .getByRole('dialog')
    .filter({ hasText: '确认审核通过？' })
    .getByRole('button', { name: /确\s*定/ })
    .click();
  await expect(office.getByTestId('report-accepted')).toBeVisible();

  // 4. The leader in charge finds the interview on his ledger, opens the project and sees the red month.
  const leader = await browser.newPage();
  await login(leader, 'leader');
  await leader.getByRole('menuitem', { name: '督查督办' }).click();
  const item = leader.getByRole('link', { name: new RegExp(`【红牌约谈】${PLANT}`) });
  await expect(item).toBeVisible({ timeout: 20_000 });
  await leader.getByRole('menuitem', { name: '重点项目' }).click();
  // Exactly the register's link: the ledger's item (【红牌约谈】 and the plant's name) stays on screen while the
  // register's page arrives.
  await leader.getByRole('link', { name: PLANT, exact: true }).click();
  await expect(leader.getByTestId(`month-${period}`).getByTestId('card-red')).toBeVisible();
  await expect(leader.getByTestId(`interview-${period}`)).toContainText('红牌约谈');

  // 5. The battle map: the plant's row, its grey baseline under a red plan bar.
  await leader.goto('/projects/gantt');
  await leader.getByPlaceholder('搜索名称或编号').fill(PLANT);
  await leader.getByPlaceholder('搜索名称或编号').press('Enter');
  const map = leader.getByTestId('gantt');
  await expect(map.locator('svg')).toBeVisible();
  await expect(map).toContainText(PLANT.slice(0, 8));
  const fills = await map.locator('svg path').evaluateAll((els) => els.map((e) => e.getAttribute('fill') ?? ''));
  expect(fills.some((f) => /#f5222d|rgb\(245,\s*34,\s*45\)/i.test(f))).toBe(true);
  expect(fills.some((f) => /#bfbfbf|rgb\(191,\s*191,\s*191\)/i.test(f))).toBe(true);

  // 6. Last year's map: the year switch keeps the page and says so in the address.
  const lastYear = new Date().getFullYear() - 1;
  await leader.getByRole('combobox', { name: '年度' }).click();
  await leader.getByTitle(`${lastYear} 年`).click();
  await expect(leader).toHaveURL(new RegExp(`/projects/gantt\\?year=${lastYear}$`));
  await expect(leader.getByText(new RegExp(`^${lastYear} 年 · \\d+ 个项目`))).toBeVisible();
});

test('the office adds one project by hand, is told what is wrong, and corrects it later', async ({ page }) => {
  const year = new Date().getFullYear();
  const name = '城阳区智慧停车示范工程';
  await login(page, 'organiser');
  await page.goto('/projects');
  await page.getByRole('button', { name: '新建项目' }).click();
  const dialog = page.getByRole('dialog');
  // A code that is taken: the server says so in the dialog and keeps what was typed.
  await dialog.getByLabel('项目编号').fill(`CY${year}-001`);
  await dialog.getByLabel('项目名称').fill(name);
  await pickOption(page, dialog.getByLabel('类别'), '城建项目');
  await dialog.getByLabel('总投资（万元）').fill('8600');
  await dialog.getByLabel('责任单位').fill('区住建局');
  await pickOption(page, dialog.getByLabel('责任单位'), '区住建局');
  await dialog.getByLabel('年度计划（万元）').fill('3000');
  await dialog.getByLabel('开工计划日期').fill(`${year}-09-30`);
  await dialog.getByLabel('开工计划日期').press('Enter');
  await dialog.getByRole('button', { name: /创\s*建/ }).click();
  await expect(dialog.getByTestId('form-error')).toContainText('已存在');
  await expect(dialog.getByLabel('项目名称')).toHaveValue(name);

  await dialog.getByLabel('项目编号').fill(`CY${year}-901`);
  await dialog.getByRole('button', { name: /创\s*建/ }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(page.getByText(`CY${year}-901 · 区住建局`)).toBeVisible();

  // The register's facts corrected on the project's page; the plan stays the baseline.
  await page.getByRole('button', { name: '编辑' }).click();
  await page.getByRole('dialog').getByLabel('业主单位').fill('城阳城市发展集团');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /保\s*存/ })
    .click();
  await expect(page.getByText('项目已保存')).toBeVisible();
  await expect(page.getByText('城阳城市发展集团')).toBeVisible();
});
