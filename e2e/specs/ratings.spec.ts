import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import JSZip from 'jszip';
import { expect, login, openNotice, test } from '../fixtures';

// A citizen, the rated unit and the lookup page in three browsers: more than the default minute.
test.describe.configure({ timeout: 150_000 });

const POINT = '流亭街道社保窗口';

/** The 差评数 the overview shows for 流亭街道. */
async function badCount(page: Page): Promise<number> {
  await page.goto('/ratings?tab=overview');
  const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: '流亭街道', exact: true }) });
  await expect(row).toBeVisible();
  return Number(await row.getByRole('cell').nth(5).innerText());
}

test('a bad rating from the counter’s QR code goes to the unit’s ledger, is answered, and the rater follows it up', async ({
  browser,
}) => {
  // The street's head finds the point's QR address among its points, and notes the figures.
  const unit = await browser.newPage();
  await login(unit, 'head.liuting');
  await unit.getByRole('menuitem', { name: '群众评价' }).click();
  const before = await badCount(unit);
  await unit.goto('/ratings?tab=points');
  const row = unit.getByRole('row').filter({ hasText: POINT });
  const address = await row.getByRole('link', { name: '打开' }).getAttribute('href');
  expect(address).toMatch(/^\/r\/[\w-]+$/);

  // A citizen scans it on a phone and rates 不满意 with a reason.
  const phoneContext = await browser.newContext({
    viewport: { width: 390, height: 844 },
    locale: 'zh-CN',
    isMobile: true,
  });
  const phone = await phoneContext.newPage();
  await phone.goto(address!);
  await expect(phone.getByRole('heading', { name: '流亭街道' })).toBeVisible();
  await phone.getByRole('button', { name: '不满意', exact: true }).click();
  await expect(phone.getByRole('button', { name: '提交评价' })).toBeDisabled();
  await phone.getByRole('button', { name: '多次跑动' }).click();
  await phone.getByLabel('评价意见').fill('社保卡补办跑了三趟，每次都说缺材料');
  await phone.getByRole('button', { name: '提交评价' }).click();
  const lookupCode = (await phone.getByTestId('lookup-code').innerText()).trim();
  expect(lookupCode).toMatch(/^[0-9A-Z]{10}$/);

  // The same phone cannot rate the same point again today.
  await phone.goto(address!);
  await phone.getByRole('button', { name: '满意', exact: true }).click();
  await phone.getByRole('button', { name: '提交评价' }).click();
  await expect(phone.getByRole('alert')).toHaveText('这台设备今天已经评价过这个评价点了，明天可以再评');

  // The lookup page shows the case being rectified, with its deadline.
  await phone.goto(`/q/${lookupCode}`);
  await expect(phone.getByTestId('state')).toHaveText('整改中');
  const deadline = (await phone.locator('dt:has-text("整改期限") + dd').innerText()).trim();
  expect(deadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);

  // The rectification item is on the street's ledger with that deadline; the unit answers.
  const reporter = await browser.newPage();
  await login(reporter, 'reporter.liuting');
  await openNotice(reporter, `新督办事项：群众差评整改：${POINT}（多次跑动）`);
  await expect(reporter.getByText(deadline).first()).toBeVisible();
  await reporter.getByRole('button', { name: /签\s*收/ }).click();
  await expect(reporter.getByTestId('item-state')).toHaveText('已签收');
  await reporter.getByLabel('办理情况').fill('已梳理社保卡补办一次性告知清单并张贴，已电话向群众致歉');
  await reporter
    .locator('input[type=file]')
    .setInputFiles({ name: '告知清单.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a', 'hex') });
  await expect(reporter.getByText('告知清单.png')).toBeVisible();
  await reporter.getByRole('button', { name: /申请销号/ }).click();
  await expect(reporter.getByTestId('item-state')).toHaveText('申请销号');

  // The rater sees the answer and gives the one follow-up: satisfied closes it.
  await phone.goto(`/q/${lookupCode}`);
  await expect(phone.getByTestId('state')).toHaveText('已答复');
  await expect(phone.getByTestId('answer')).toContainText('一次性告知清单');
  await phone.getByRole('button', { name: '满意', exact: true }).click();
  await expect(phone.getByTestId('state')).toHaveText('追评满意');
  await expect(phone.getByRole('button', { name: '满意', exact: true })).toHaveCount(0);
  await reporter.reload();
  await expect(reporter.getByTestId('item-state')).toHaveText('已销号');

  // The office page's figures counted it.
  expect(await badCount(unit)).toBe(before + 1);
  await phoneContext.close();
});

test('the office downloads the 好差评 bulletin in Word, with the figures the page shows', async ({ page }) => {
  await login(page, 'organiser');
  await page.goto('/ratings?tab=overview');
  const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: '流亭街道', exact: true }) });
  await expect(row).toBeVisible();
  await page.getByRole('button', { name: '下载通报' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: '情况通报（Word）' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    /^群众评价（好差评）情况通报（\d{4}年\d{1,2}月\d{1,2}日至[^）]+）\.docx$/,
  );
  const xml = await (
    await JSZip.loadAsync(await readFile((await download.path())!))
  )
    .file('word/document.xml')!
    .async('string');
  expect(xml).toContain('各单位满意度排名');
  expect(xml).toContain('流亭街道');
  expect(xml).toContain('差评原因分布');
  expect(xml).toContain('申诉情况');
});

test('the office publishes the ranking; a phone reads it without an account; republishing makes a new version', async ({
  page,
  browser,
}) => {
  await login(page, 'organiser');
  await page.goto('/ratings?tab=rankings');
  await page.getByLabel('标题').fill('城阳区政务服务群众满意度排名');
  await page.getByRole('button', { name: '发布排名' }).click();
  await page.getByRole('button', { name: '发布排名' }).last().click(); // the confirmation's own button
  await expect(page.getByText(/已发布第 \d+ 版/)).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: '城阳区政务服务群众满意度排名' });
  const href = await row.getByRole('link', { name: '打开' }).getAttribute('href');
  expect(href).toMatch(/^\/p\/ranking\/\d+$/);

  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const phone = await phoneContext.newPage();
  await phone.goto('/p/ranking');
  await expect(phone.getByRole('heading', { name: '城阳区政务服务群众满意度排名' })).toBeVisible();
  const street = phone.getByTestId('ranking-row').filter({ hasText: '流亭街道' });
  await expect(street).toContainText('整改率');
  await expect(phone.getByText('这是历史版本')).toHaveCount(0);

  // Republished: the newest is shown, the first stays at its address, marked as an older version.
  await page.getByLabel('标题').fill('城阳区政务服务群众满意度排名（更新）');
  await page.getByRole('button', { name: '发布排名' }).click();
  await page.getByRole('button', { name: '发布排名' }).last().click();
  await expect(page.getByRole('row').filter({ hasText: '（更新）' })).toBeVisible();
  await phone.goto('/p/ranking');
  await expect(phone.getByRole('heading', { name: '城阳区政务服务群众满意度排名（更新）' })).toBeVisible();
  await phone.goto(href!);
  await expect(phone.getByRole('heading', { name: '城阳区政务服务群众满意度排名', exact: true })).toBeVisible();
  await expect(phone.getByText('这是历史版本，已有更新的发布。')).toBeVisible();
  await phoneContext.close();
});

test('a unit appeals a bad rating with evidence; the office opens the file when deciding', async ({ browser }) => {
  const unit = await browser.newPage();
  await login(unit, 'reporter.liuting');
  await unit.goto('/ratings?tab=bad');
  const row = unit
    .getByRole('row')
    .filter({ has: unit.getByRole('button', { name: /^申\s*诉$/ }) })
    .first();
  await expect(row).toBeVisible();
  const point = (await row.getByRole('cell').nth(2).innerText()).trim();
  await row.getByRole('button', { name: /^申\s*诉$/ }).click();
  const dialog = unit.getByRole('dialog');
  await dialog.getByLabel('申诉理由').fill('经调取窗口监控，该时段无此办件，系误评');
  await dialog
    .locator('input[type=file]')
    .setInputFiles({ name: '窗口监控截图.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a', 'hex') });
  await expect(dialog.getByText('窗口监控截图.png')).toBeVisible();
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(dialog).toBeHidden();

  const office = await browser.newPage();
  await login(office, 'organiser');
  await office.goto('/ratings?tab=appeals');
  const appealed = office.getByRole('row').filter({ hasText: '系误评' }).filter({ hasText: point });
  await expect(appealed.getByRole('link', { name: /窗口监控截图\.png/ })).toBeVisible();
  await appealed.getByRole('button', { name: '审核申诉' }).click();
  const evidence = office.getByTestId('appeal-evidence');
  const link = evidence.getByRole('link', { name: /窗口监控截图\.png/ });
  await expect(link).toBeVisible();
  const file = await office.request.get((await link.getAttribute('href'))!);
  expect(file.status()).toBe(200);
  expect((await file.body()).subarray(1, 4).toString()).toBe('PNG');
  await office.getByRole('dialog').getByLabel('审核理由').fill('监控与办件记录相符，申诉成立');
  await office.getByRole('radio', { name: /申诉成立/ }).check();
  await office
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await expect(office.getByRole('row').filter({ hasText: '系误评' })).toHaveCount(0);
});

test('where the office requires it, a real-name bad rating’s phone is verified by an SMS code', async ({
  page,
  browser,
}) => {
  await login(page, 'organiser');
  await page.goto('/ratings?tab=points');
  const toggle = page.getByRole('switch', { name: /实名差评须短信验证手机号/ });
  await toggle.click();
  await expect(page.getByText('已开启短信验证')).toBeVisible();
  const address = await page
    .getByRole('row')
    .filter({ hasText: POINT })
    .getByRole('link', { name: '打开' })
    .getAttribute('href');

  try {
    const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const phone = await phoneContext.newPage();
    await phone.goto(address!);
    await phone.getByRole('button', { name: '非常不满意', exact: true }).click();
    await phone.getByRole('button', { name: '办事效率低' }).click();
    await phone.getByLabel('手机号码').fill('13800005678');
    await phone.getByRole('button', { name: '提交评价' }).click();
    await expect(phone.getByRole('alert')).toHaveText('本地区要求验证手机号：请获取并填写短信验证码');
    await phone.getByRole('button', { name: '获取验证码' }).click();
    await expect(phone.getByRole('status')).toHaveText('验证码已发送，10 分钟内有效');
    await expect(phone.getByRole('button', { name: /秒后重发/ })).toBeDisabled();
    // The local fake channel holds the message the phone would have received.
    const sms = await (await page.request.get('/api/test/sms/13800005678')).json();
    const code = /验证码为 (\d{6})/.exec(sms.text as string)![1]!;
    await phone.getByLabel('短信验证码').fill(code);
    await phone.getByRole('button', { name: '提交评价' }).click();
    await expect(phone.getByTestId('lookup-code')).toHaveText(/^[0-9A-Z]{10}$/);
    await phoneContext.close();
  } finally {
    // One server serves every spec: leave the setting as the demo has it.
    await page.reload();
    await page.getByRole('switch', { name: /实名差评须短信验证手机号/ }).click();
    await expect(page.getByText('已关闭短信验证')).toBeVisible();
  }
});
