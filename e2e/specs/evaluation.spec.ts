import ExcelJS from 'exceljs';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, login, openNotice, pickOption, test } from '../fixtures';

// The office, a unit head and a second organiser in three browsers.
test.describe.configure({ timeout: 180_000 });

/**
 * The e2e server runs with LEITAI_TEST_CLOCK=1: PUT /api/test/clock moves the date its requests read, so a
 * 公示 window of working days can pass during a test. Every test leaves the real date behind it.
 */
const setToday = async (request: APIRequestContext, today: string | null) =>
  expect((await request.put('/api/test/clock', { data: { today } })).ok()).toBe(true);
const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
test.afterEach(async ({ request }) => setToday(request, null));

const NAME = 'E2E专项考核';
const ok = (page: Page) => page.getByRole('button', { name: /^(确\s*定|OK)$/ });

test('an evaluation from scheme to version 2: preview, close, publish, explain, appeal, decide, approve, finalise; a late appeal refused', async ({
  browser,
  request,
}) => {
  // The office creates an evaluation with the default scheme and lands on it.
  const office = await browser.newPage();
  await login(office, 'organiser');
  await office.getByRole('menuitem', { name: '综合考核' }).click();
  await office.getByRole('button', { name: '新建考核' }).click();
  const dialog = office.getByRole('dialog');
  await pickOption(office, dialog.getByLabel('所属活动'));
  await dialog.getByLabel('考核名称').fill(NAME);
  await dialog.getByPlaceholder('开始日期').fill('2026-01-01');
  await dialog.getByPlaceholder('结束日期').fill('2026-06-30');
  await dialog.getByPlaceholder('结束日期').press('Enter');
  await ok(office).click();
  await expect(office.getByRole('heading', { name: new RegExp(NAME) })).toBeVisible();
  await expect(office.getByText('方案编制中')).toBeVisible();

  // It moves five points from 目标指标 to 擂台比武 for 经济部门, previews on today's data and saves version 2.
  await office.getByLabel('目标指标 经济部门权重').fill('55');
  await office.getByLabel('擂台比武 经济部门权重').fill('15');
  await office.getByRole('button', { name: /保存方案/ }).click();
  await expect(office.getByText('考核方案有误：类别“经济部门”各分项权重之和须为 100，实际为 95')).toBeVisible();
  await office.getByLabel('擂台比武 经济部门权重').fill('20');
  await office.getByRole('button', { name: /用当前数据预览/ }).click();
  const preview = office
    .getByText('预览（未保存，不影响任何数据）')
    .locator('xpath=ancestor::div[contains(@class,"ant-card")]');
  await expect(preview.getByRole('cell', { name: '区发改局' })).toBeVisible();
  await office.getByRole('button', { name: /保存方案/ }).click();
  await expect(office.getByText('方案已保存为第 2 版')).toBeVisible();

  // Close: the inputs are frozen and the ranking appears; recomputing gives the same bits.
  await office.getByRole('tab', { name: '排名' }).click();
  await office.getByRole('button', { name: '截止并计算' }).click();
  await ok(office).click();
  await expect(office.getByText('已截止，待公示')).toBeVisible();
  await expect(office.getByText('经济部门').first()).toBeVisible();
  await office.getByRole('button', { name: '复算核验' }).click();
  await expect(office.getByText(/复算结果与快照逐位一致/)).toBeVisible();
  await office.getByRole('button', { name: '发布公示' }).click();
  await ok(office).click();
  await expect(office.getByText(/公示期至 \d{4}-\d{2}-\d{2}，期间各单位可对本单位/)).toBeVisible();
  const id = Number(/\/evaluations\/(\d+)/.exec(office.url())![1]);

  // The unit head is told, opens the explanation of its own unit and follows a number to its report.
  const head = await browser.newPage();
  await login(head, 'head.fgj');
  await openNotice(head, `${NAME}结果公示`);
  // The home page's to-dos also link 区发改局's things: wait for the evaluation before following its link.
  await expect(head).toHaveURL(new RegExp(`/evaluations/${id}`));
  await head.getByRole('link', { name: '区发改局' }).click();
  await expect(head.getByRole('heading', { name: '区发改局 · 得分说明' })).toBeVisible();
  await expect(head.getByText(/第 \d+ 名 \/ 共 \d+ 个单位/)).toBeVisible();
  // Another unit's line is no link for it.
  await head.goto(`/evaluations/${id}`);
  await expect(head.getByRole('link', { name: '区工信局' })).toHaveCount(0);
  await head.getByRole('link', { name: '区发改局' }).click();
  await head
    .getByRole('link', { name: /月报：/ })
    .first()
    .click();
  await expect(head).toHaveURL(/\/dispatch\/report\/\d+\/\d{4}-\d{2}$/);

  // It appeals 目标指标.
  await head.goto(`/evaluations/${id}?tab=appeals`);
  await pickOption(head, head.getByLabel('申诉的分项'), '目标指标');
  await head
    .getByLabel('申诉理由（写明事实和依据）')
    .fill('6月份投资数据已由统计部门核定，系统按报送数计分偏低，附核定材料');
  await head
    .locator('input[type=file]')
    .setInputFiles({ name: '核定材料.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 核定材料') });
  await expect(head.getByText('核定材料.pdf')).toBeVisible();
  await head.getByRole('button', { name: '提出申诉' }).click();
  await expect(head.getByText('申诉已提交，请等待考核办审核')).toBeVisible();
  await expect(head.getByRole('cell', { name: '待受理' })).toBeVisible();
  await expect(head.getByRole('link', { name: /核定材料\.pdf/ })).toBeVisible();

  // The office upholds it with the corrected figure; the same person cannot also approve it.
  await office.goto(`/evaluations/${id}?tab=appeals`);
  await office.getByRole('button', { name: '审核' }).click();
  await office.getByLabel('申诉成立，更正数值').check();
  await office.getByLabel('更正后的原始值').fill('100');
  await office.getByLabel('审核意见').fill('经核实，统计部门核定数属实，申诉成立');
  await ok(office).click();
  await expect(office.getByText('待复核')).toBeVisible();
  await expect(office.getByRole('button', { name: '复核通过' })).toHaveCount(0);

  // A second organiser approves; the result may be finalised only after the window.
  const second = await browser.newPage();
  await login(second, 'organiser2');
  await second.goto(`/evaluations/${id}?tab=appeals`);
  await second.getByRole('button', { name: '复核通过' }).click();
  await expect(second.getByText('申诉成立').first()).toBeVisible();
  await expect(second.getByText(/期满后方可正式发布/)).toBeVisible();
  await expect(second.getByRole('button', { name: '正式发布' })).toHaveCount(0);
  await expect(second.getByText('更正为 100')).toBeVisible();

  // The unit head starts a second appeal, on 督查督办, while the window is still open…
  const until = /公示期至 (\d{4}-\d{2}-\d{2})/.exec(
    (await second
      .getByText(/公示期至 \d{4}-\d{2}-\d{2}/)
      .first()
      .textContent())!,
  )![1]!;
  await head.goto(`/evaluations/${id}?tab=appeals`);
  await pickOption(head, head.getByLabel('申诉的分项'), '督查督办');
  await head.getByLabel('申诉理由（写明事实和依据）').fill('6月份牵头事项已按期办结，系统销号滞后，附办结材料');
  // …and submits it the day after the window closed: refused, with the date it closed.
  await setToday(request, dayAfter(until));
  await head.getByRole('button', { name: '提出申诉' }).click();
  await expect(head.getByText(`公示期已于 ${until} 结束，不再受理申诉`)).toBeVisible();
  await head.reload();
  await expect(head.getByText(`公示期已于 ${until} 结束，不再受理申诉`)).toBeVisible();
  await expect(head.getByRole('button', { name: '提出申诉' })).toHaveCount(0);

  // With the window passed and every appeal settled, the office publishes the final result: version 2,
  // with the upheld appeal's correction and its diff against version 1.
  await second.reload();
  await second.getByRole('button', { name: '正式发布' }).click();
  await ok(second).click();
  await expect(second.getByText('已正式发布')).toBeVisible();
  await second.getByRole('tab', { name: '发布版本' }).click();
  const v2 = second.getByText('第 2 版').locator('xpath=ancestor::div[contains(@class,"ant-card")]');
  const fgj = v2.getByRole('row').filter({ hasText: '区发改局' });
  await expect(fgj.getByText('申诉更正')).toBeVisible();
  await expect(fgj.getByRole('cell', { name: /^目标指标 [\d.]+ → [\d.]+$/ })).toBeVisible();
  await expect(fgj.getByRole('cell', { name: /^[\d.]+ → [\d.]+$/ }).last()).toBeVisible();
  await expect(second.getByText('第 1 版')).toBeVisible();
});

test('a published version shows its diff, and an appeal after the window is refused with the date', async ({
  page,
}) => {
  await login(page, 'head.gxj');
  await page.getByRole('menuitem', { name: '综合考核' }).click();
  await page.getByRole('link', { name: /半年综合考核/ }).click();
  // The list shows 已正式发布 for every final evaluation (the first test finalises one): wait for the page itself.
  await expect(page).toHaveURL(/\/evaluations\/\d+$/);
  await expect(page.getByRole('tab', { name: '发布版本' })).toBeVisible();
  await expect(page.getByText('已正式发布')).toBeVisible();
  await page.getByRole('tab', { name: '发布版本' }).click();
  const v2 = page.getByText('第 2 版').locator('xpath=ancestor::div[contains(@class,"ant-card")]');
  const fgj = v2.getByRole('row').filter({ hasText: '区发改局' });
  await expect(fgj.getByText('申诉更正')).toBeVisible();
  await expect(fgj.getByRole('cell', { name: /^\d+ → \d+$/ })).toBeVisible();
  await page.getByRole('tab', { name: /申诉/ }).click();
  await expect(page.getByText(/公示期已于 \d{4}-\d{2}-\d{2} 结束，不再受理申诉/)).toBeVisible();

  // The big screen shows the published ranking, a category at a time.
  const [screen] = await Promise.all([
    page.waitForEvent('popup'),
    page.getByRole('link', { name: /大屏展示/ }).click(),
  ]);
  const stage = screen.getByTestId('evaluation-screen');
  await expect(stage.getByText(/半年综合考核/)).toBeVisible();
  await expect(stage.getByText('第 1 / 5 类')).toBeVisible();
  await expect(stage.getByRole('row').nth(1)).toContainText(/^1/);
  await expect(page.getByRole('button', { name: '提出申诉' })).toHaveCount(0);
});

test('a unit proposes a bonus on the year’s draft and another organiser approves it', async ({ browser }) => {
  const head = await browser.newPage();
  await login(head, 'head.fgj');
  await head.getByRole('menuitem', { name: '综合考核' }).click();
  await head.getByRole('link', { name: /年度综合考核/ }).click();
  await head.getByRole('tab', { name: /加减分/ }).click();
  await head.getByLabel('分值').fill('1.5');
  await head.getByLabel('理由和依据').fill('牵头项目获省级营商环境创新案例表彰（附表彰文件）');
  await head.getByRole('button', { name: '提交申请' }).click();
  await expect(head.getByText('申请已提交，由考核办另一名同志审定')).toBeVisible();
  const row = head.getByRole('row').filter({ hasText: '省级营商环境创新案例' });
  await expect(row.getByText('待审定')).toBeVisible();

  const second = await browser.newPage();
  await login(second, 'organiser2');
  await second.goto(head.url());
  const pending = second.getByRole('row').filter({ hasText: '省级营商环境创新案例' });
  await pending.getByRole('button', { name: '审定通过' }).click();
  await second.getByLabel('审定意见').fill('经核实属实，予以加分');
  await ok(second).click();
  await expect(pending.getByText('已审定')).toBeVisible();
});

test('评议: the office issues invitations, a rater answers on a phone once, the progress moves', async ({
  browser,
}) => {
  const office = await browser.newPage();
  await login(office, 'organiser');
  await office.goto('/evaluations');
  await office.getByRole('link', { name: /年度综合考核/ }).click();
  await office.getByRole('tab', { name: '评议' }).click();
  const deputies = office.getByRole('row').filter({ hasText: '两代表一委员' });
  await expect(deputies.getByText('已交 3 / 已发 10（至少 5 人）')).toBeVisible();
  await deputies.getByLabel('两代表一委员邀请数').fill('1');
  const [download] = await Promise.all([
    office.waitForEvent('download'),
    deputies.getByRole('button', { name: /生成并下载/ }).click(),
  ]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await download.path())!);
  const link = String(wb.worksheets[0]!.getRow(4).getCell(3).value);
  expect(link).toMatch(/\/review\/[2-9A-Z]{12}$/);
  await expect(deputies.getByText('已交 3 / 已发 11（至少 5 人）')).toBeVisible();

  // The rater opens the link on a phone, no account, and scores every unit.
  const phone = await (
    await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true })
  ).newPage();
  await phone.goto(new URL(link).pathname);
  await expect(phone.getByText('您以“两代表一委员”身份参加评议')).toBeVisible();
  await phone.getByRole('button', { name: '提交评议' }).click();
  await expect(phone.getByText('请打分').first()).toBeVisible();
  // The first unit's four boxes are typed into; the other 144 get their values in one step, as typed input
  // events (one browser round trip each cost three minutes on a loaded machine).
  const boxes = phone.locator('input.ant-input-number-input');
  const values = Array.from({ length: await boxes.count() }, (_, i) => (i % 4 === 3 ? '32' : '16'));
  for (let i = 0; i < 4; i += 1) await boxes.nth(i).fill(values[i]!);
  await boxes.evaluateAll((inputs, typed) => {
    inputs.slice(4).forEach((input, i) => {
      // React tracks the value it last saw: the input's own (prototype's) setter makes the change visible.
      Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input) as object, 'value')!.set!.call(input, typed[i + 4]);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }, values);
  await expect(phone.getByText('请打分')).toHaveCount(0);
  await phone.getByRole('button', { name: '提交评议' }).click();
  await expect(phone.getByText('评议已提交，感谢您的参与')).toBeVisible();
  // The same link cannot answer again.
  await phone.goto(new URL(link).pathname);
  await expect(phone.getByText('该邀请码已提交过评议，感谢参与')).toBeVisible();

  await office.reload();
  await expect(
    office.getByRole('row').filter({ hasText: '两代表一委员' }).getByText('已交 4 / 已发 11（至少 5 人）'),
  ).toBeVisible();
});
