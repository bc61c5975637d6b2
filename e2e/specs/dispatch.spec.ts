import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import JSZip from 'jszip';
import { expect, login, openNotice, test } from '../fixtures';

// Last month in Asia/Shanghai: the demo leaves it open, with 区发改局 not yet reported.
const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
function lastMonth(): string {
  const [y, m] = shanghaiToday().split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
const OK = /确\s*定|OK|退\s*回/;

// Three accounts walk a whole month in a real browser: allow more than the default minute.
test.describe.configure({ timeout: 180_000 });

async function openReport(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: /区发改局 · \d{4}-\d{2} 月度调度/ })).toBeVisible();
}

test('a month: filled, submitted, returned with a reason, corrected, accepted; board, unit page and bulletin follow', async ({
  browser,
}) => {
  const period = lastMonth();
  // 1. The reporter opens what is due from the unit page and fills the month.
  const reporter = await browser.newPage();
  await login(reporter, 'reporter.fgj');
  await reporter.getByRole('menuitem', { name: '本单位调度' }).click();
  const due = reporter.getByTestId(`due-${period}`);
  await expect(due).toBeVisible();
  await due.getByRole('button', { name: '去填报' }).click();
  await expect(reporter.getByRole('heading', { name: `区发改局 · ${period} 月度调度` })).toBeVisible();
  const reportUrl = reporter.url();
  const signed = reporter.getByLabel('签约亿元以上项目本期数值');
  const growth = reporter.getByLabel('固定资产投资增长本期数值');
  // Cumulative figures start from last month's; nothing asked twice.
  await expect(signed).not.toHaveValue('');
  await expect(reporter.getByText('已按上期累计预填，请更新')).toBeVisible();
  // A non-numeric figure is refused, naming the field; nothing is saved.
  await growth.fill('九点五');
  await reporter.getByRole('button', { name: /保\s*存/ }).click();
  await expect(reporter.getByTestId('report-errors')).toContainText('固定资产投资增长（%）：“九点五”不是数字');
  await signed.fill('13');
  await growth.fill('4.5');
  await reporter.getByLabel('工作进展').fill('新签约亿元以上项目 3 个，重点项目集中开工。');
  await reporter.getByLabel('存在问题').fill('部分项目要素保障不足。');
  await reporter.getByLabel('下步打算').fill('倒排工期，加快项目落地。');
  await reporter.getByRole('button', { name: /保\s*存/ }).click();
  await expect(reporter.getByTestId('report-draft')).toBeVisible();
  // A reporter does not 报送 (the office's default): they hand the month to the unit head.
  await expect(reporter.getByRole('button', { name: /^报\s*送$/ })).toHaveCount(0);
  await reporter.getByRole('button', { name: '提交负责人' }).click();
  await expect(reporter.getByTestId('report-handed_off')).toBeVisible();

  // 2. The unit head is told, opens it from the bell, and 报送 after confirming: one version, not two.
  const head = await browser.newPage();
  await login(head, 'head.fgj');
  await openNotice(head, `待负责人报送：区发改局 ${Number(period.slice(5))} 月调度`);
  await expect(head.getByRole('heading', { name: `区发改局 · ${period} 月度调度` })).toBeVisible();
  await expect(head.getByLabel('签约亿元以上项目本期数值')).toHaveValue('13');
  await head.getByRole('button', { name: /^报\s*送$/ }).click();
  const confirmSubmit = head.getByRole('dialog').filter({ hasText: '确认报送？' });
  await expect(confirmSubmit).toBeVisible();
  // Cancelling sends nothing.
  await confirmSubmit.getByRole('button', { name: /取\s*消/ }).click();
  await expect(head.getByTestId('report-handed_off')).toBeVisible();
  await head.getByRole('button', { name: /^报\s*送$/ }).click();
  await head.getByRole('dialog').filter({ hasText: '确认报送？' }).getByRole('button', { name: OK }).click();
  await expect(head.getByTestId('report-submitted')).toBeVisible();
  // Saved (1), handed off (2), submitted (3): the head's 报送 is one version, no extra save.
  await expect(head.getByText(/报送（第 3 版）/)).toBeVisible();
  await expect(head.getByText(/提交负责人（第 2 版）/)).toBeVisible();

  // 3. The office is told it waits for review, opens it from the bell and returns it with a reason.
  const organiser = await browser.newPage();
  await login(organiser, 'organiser');
  await openNotice(organiser, `待审核：区发改局 ${Number(period.slice(5))} 月调度`);
  await expect(organiser.getByRole('heading', { name: `区发改局 · ${period} 月度调度` })).toBeVisible();
  await organiser.getByRole('button', { name: /退\s*回/ }).click();
  await organiser.getByLabel('退回原因').fill('固定资产投资增速与统计局口径不一致，请核实');
  // The return points at the indicator concerned.
  await organiser.getByRole('dialog').getByRole('checkbox', { name: '固定资产投资增长' }).check();
  await organiser.getByRole('dialog').getByRole('button', { name: OK }).click();
  await expect(organiser.getByTestId('report-returned')).toBeVisible();

  // 4. The reporter sees why, corrects and the head resubmits.
  await openReport(reporter, reportUrl);
  await expect(reporter.getByTestId('return-reason')).toContainText('固定资产投资增速与统计局口径不一致');
  // The row the office pointed at is marked; the other is not.
  await expect(reporter.getByRole('row', { name: /固定资产投资增长/ }).getByText('退回指出')).toBeVisible();
  await expect(reporter.getByRole('row', { name: /签约亿元以上项目/ }).getByText('退回指出')).toHaveCount(0);
  await reporter.getByLabel('固定资产投资增长本期数值').fill('10.5');
  await reporter.getByRole('button', { name: /保\s*存/ }).click();
  await expect(reporter.getByText('已保存')).toBeVisible();
  await openReport(head, reportUrl);
  await head.getByRole('button', { name: /^报\s*送$/ }).click();
  await head.getByRole('dialog').filter({ hasText: '确认报送？' }).getByRole('button', { name: OK }).click();
  await expect(head.getByTestId('report-submitted')).toBeVisible();

  // 5. The office accepts; every version is kept.
  await openReport(organiser, reportUrl);
  await organiser.getByRole('button', { name: /审核通过/ }).click();
  await organiser.getByRole('dialog').filter({ hasText: '确认审核通过？' }).getByRole('button', { name: OK }).click();
  await expect(organiser.getByTestId('report-accepted')).toBeVisible();
  await expect(organiser.getByText(/退回（第 \d+ 版）：固定资产投资增速与统计局口径不一致/)).toBeVisible();
  // An accepted report can still be sent back for correction (the server test walks that path).
  await expect(organiser.getByRole('button', { name: '退回更正' })).toBeVisible();

  // 6. The board shows the unit's new colours: 13 of 15 and 10.5 % against 10 % are both on pace.
  await organiser.getByRole('menuitem', { name: '调度看板' }).click();
  await expect(organiser.getByRole('heading', { name: '调度看板' })).toBeVisible();
  const cells = organiser.locator('[data-testid^="cell-fgj-"]');
  await expect(cells).toHaveCount(2);
  for (const cell of await cells.all()) await expect(cell.getByTestId('warning-green')).toBeVisible();
  await expect(cells.first()).toContainText('13 /');

  // 7. …and so does the unit's own page, with nothing left due for the month.
  await reporter.getByRole('menuitem', { name: '本单位调度' }).click();
  await expect(reporter.getByText(`${period} 指标完成情况（序时进度）`)).toBeVisible();
  await expect(reporter.getByTestId('warning-green')).toHaveCount(2);
  await expect(reporter.getByTestId(`due-${period}`)).toHaveCount(0);

  // 8. The bulletin downloads and says what the board says.
  const [download] = await Promise.all([
    organiser.waitForEvent('download'),
    organiser.getByRole('button', { name: /调度通报（Word）/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/重点工作调度通报\.docx$/);
  const zip = await JSZip.loadAsync(await readFile((await download.path())!));
  const xml = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '|');
  const [y, m] = period.split('-');
  expect(xml).toContain(`${y}年${Number(m)}月重点工作调度通报`);
  expect(xml).toContain('一、各类别单位序时进度排名');
  expect(xml).toMatch(/\|区发改局\|+2\|+0\|+0\|+0\|/); // 区发改局: two green, no yellow, red or overdue
  expect(xml).toContain('二、红灯预警指标');
  expect(xml).toContain('青岛轨道交通产业示范区');
  // …in the official layout (GB/T 9704-2012): the office's 发文机关标志 and 发文字号 head it, the 落款 and
  // 成文日期 close it, dates in Chinese and none in ISO form.
  const text = xml.replace(/\|+/g, '|');
  expect(text).toMatch(/\|城阳区绩效考核办公室文件\|城考办〔\d{4}〕[1-9]\d*号\|/);
  expect(text).toMatch(/\|城阳区绩效考核办公室\|\d{4}年[1-9]\d?月[1-9]\d?日\|/);
  expect(text).toMatch(/\d{4}年[1-9]\d?月[1-9]\d?日印发/);
  expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
});
