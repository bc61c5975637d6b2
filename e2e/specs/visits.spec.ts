import { expect, login, openNotice, pickOption, test } from '../fixtures';

// Four people in a row (cadre on a phone, office, unit, enterprise contact): allow more than the default minute.
test.describe.configure({ timeout: 180_000 });
const OK = /确\s*定|OK/;

test('a cadre records a visit with a 诉求 on a phone; the unit answers it on the ledger; the enterprise rates it; coverage and solved rate follow', async ({
  browser,
}) => {
  // The office's figures before.
  const office = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await login(office, 'organiser');
  await office.goto('/visits?tab=coverage');
  const summary = office.getByTestId('coverage-summary');
  await expect(summary).toContainText('覆盖率');
  const unvisitedBefore = Number(/未走访 (\d+) 家/.exec((await summary.innerText()) ?? '')![1]);

  // The cadre, on a phone: the enterprise nobody has visited comes first.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const cadre = await phone.newPage();
  await login(cadre, 'cadre01');
  await cadre.goto('/visits/mine');
  await expect(cadre.getByRole('heading', { name: '我的走访' })).toBeVisible();
  const card = cadre.locator('[data-testid^="my-enterprise-"]').first();
  await expect(card).toContainText('尚未走访');
  const name = (await card.locator('strong').first().innerText()).trim();
  await card.getByRole('button', { name: '记录走访' }).click();
  const drawer = cadre.locator('.ant-drawer-open');
  await expect(drawer.getByText(`记录走访：${name}`)).toBeVisible();
  await drawer.getByLabel('送政策').check();
  await drawer.getByLabel('问需').check();
  await drawer.getByLabel('走访情况').fill('企业扩产，生产线满负荷运转');
  await drawer.getByRole('button', { name: '添加诉求' }).click();
  await drawer.getByLabel('诉求类别 1').click();
  await pickOption(cadre, drawer.getByLabel('诉求类别 1'), '用工招聘');
  const need = `扩产急需数控技工 ${Date.now() % 100000} 名`;
  await drawer.getByLabel('诉求内容 1').fill(need);
  await drawer.getByRole('button', { name: '提交走访记录' }).click();
  await expect(cadre.getByText('走访已记录，登记诉求 1 条')).toBeVisible();
  await expect(cadre.getByText(`${name}`).first()).toBeVisible();

  // The office dispatches it to 区人社局; the deadline comes from the office's working-day rule.
  await office.goto('/visits?tab=requests');
  await office.getByPlaceholder('搜索企业或诉求内容').fill(need);
  await office.getByPlaceholder('搜索企业或诉求内容').press('Enter');
  const row = office.getByRole('row', { name: new RegExp(need) });
  await expect(row.getByText('登记', { exact: true })).toBeVisible();
  await row.getByRole('button', { name: /分\s*派/ }).click();
  const dialog = office.getByRole('dialog', { name: `分派诉求：${name}` });
  await dialog.getByLabel('牵头单位').click();
  await dialog.getByLabel('牵头单位').fill('区人社局');
  await pickOption(office, dialog.getByLabel('牵头单位'), '区人社局');
  await dialog.getByRole('button', { name: OK }).click();
  await expect(office.getByText(/已分派，答复期限 \d{4}-\d{2}-\d{2}/)).toBeVisible();
  const deadline = /答复期限 (\d{4}-\d{2}-\d{2})/.exec(await office.getByText(/已分派，答复期限/).innerText())![1]!;
  await expect(row.getByText('分派', { exact: true })).toBeVisible();
  const link = await row.getByTestId(/^rate-link-/).getAttribute('href');

  // The lead unit finds it on its ledger with its deadline, signs for it and answers with evidence.
  const unit = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await login(unit, 'head.rsj');
  await openNotice(unit, `新督办事项：【企业诉求】${name}：用工招聘`);
  await expect(unit.getByRole('heading', { name: `【企业诉求】${name}：用工招聘` })).toBeVisible();
  await expect(unit.getByText(deadline).first()).toBeVisible();
  await unit.getByRole('button', { name: /签\s*收/ }).click();
  await expect(unit.getByTestId('item-state')).toHaveText('已签收');
  await unit.getByLabel('办理情况').fill('已组织数控技工专场招聘会，达成用工意向 30 人');
  await unit
    .locator('input[type=file]')
    .setInputFiles({ name: '招聘会签到表.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a', 'hex') });
  await expect(unit.getByText('招聘会签到表.png')).toBeVisible();
  await unit.getByRole('button', { name: /申请销号/ }).click();
  await expect(unit.getByTestId('item-state')).toHaveText('申请销号');

  // Solved rate of 区人社局 before the enterprise has its say.
  await office.goto('/visits?tab=coverage');
  const rsj = office.getByTestId('solved-table').getByRole('row', { name: /区人社局/ });
  await expect(rsj).toBeVisible();
  const solvedBefore = await rsj.locator('td').nth(2).innerText();

  // The enterprise contact opens the link sent to him (no account) and rates the answer.
  const contact = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true })).newPage();
  await contact.goto(link!);
  await expect(contact.getByRole('heading', { name: '企业诉求办理评价' })).toBeVisible();
  await expect(contact.getByTestId('public-answer')).toContainText('专场招聘会');
  await contact.getByText('满意', { exact: true }).click();
  await contact.getByRole('button', { name: '提交评价' }).click();
  await expect(contact.getByText('感谢您的评价！')).toBeVisible();

  // The item is closed on the ledger, 区人社局 solved one more, and the visited enterprise left the unvisited list.
  await unit.reload();
  await expect(unit.getByTestId('item-state')).toHaveText('已销号');
  await office.reload();
  await expect(rsj.locator('td').nth(2)).toHaveText(String(Number(solvedBefore) + 1));
  await expect(summary).toContainText(`未走访 ${unvisitedBefore - 1} 家`);
});
