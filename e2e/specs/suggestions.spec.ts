import { expect, login, pickOption, test } from '../fixtures';

// Four people in a row (the public, a reporter on a phone, the office, a reviewer): more than the default minute.
test.describe.configure({ timeout: 180_000 });
const OK = /确\s*定|OK/;

test('an idea goes from submission through review to adoption onto the ledger with a reward; the public sends one by the link', async ({
  browser,
}) => {
  const office = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await login(office, 'organiser');
  await office.goto('/suggestions');
  await expect(office.getByTestId('round-summary')).toContainText('共 80 条，已采纳 10 条');

  // The public, without an account, through the round's link.
  const rounds = await (await office.request.get('/api/suggestions/rounds')).json();
  const code = (rounds as { publicCode: string }[])[0]!.publicCode;
  const publicPhone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const citizen = await publicPhone.newPage();
  await citizen.goto(`/s/${code}`);
  await expect(citizen.getByRole('heading', { name: '2026年度城阳区“金点子”征集' })).toBeVisible();
  await citizen.getByLabel('您的姓名').fill('刘女士');
  await citizen.getByLabel('标题').fill('公园增设儿童友好设施');
  await citizen.getByLabel('您的建议（不超过 500 字）').fill('在城阳世纪公园增设无障碍滑梯和母婴室。');
  await citizen.getByRole('button', { name: '提交建议' }).click();
  await expect(citizen.getByText('已收到您的建议，感谢参与！')).toBeVisible();

  // A reporter, on a phone, sends one idea (at most 500 characters).
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const reporter = await phone.newPage();
  await login(reporter, 'reporter.fgj');
  await reporter.goto('/suggestions/mine');
  const title = `企业开办“一窗通办” ${Date.now() % 100000}`;
  await reporter.getByLabel('标题').fill(title);
  await reporter.getByLabel('内容').fill('将营业执照、公章刻制、税务登记合并为一个窗口办理，半天办结。');
  await reporter.getByRole('button', { name: /提\s*交/ }).click();
  await expect(reporter.getByText('已提交，感谢您的建议')).toBeVisible();
  await expect(reporter.getByTestId('my-ideas')).toContainText(title);

  // The office names 李区长 as reviewer.
  await office.reload();
  await office.getByPlaceholder('搜索标题或建议人').fill(title);
  await office.getByPlaceholder('搜索标题或建议人').press('Enter');
  await office
    .getByRole('row', { name: new RegExp(title) })
    .getByText(title)
    .click();
  const drawer = office.locator('.ant-drawer-open');
  await expect(drawer.getByText('待评审')).toBeVisible();
  await drawer.getByRole('button', { name: '指定评审人' }).click();
  const assign = office.getByRole('dialog', { name: '指定评审人' });
  await assign.getByLabel('评审人').fill('李区长');
  await pickOption(office, assign.getByLabel('评审人'), '李区长');
  // A multiple Select keeps its list open after a choice.
  await assign.getByLabel('评审人').press('Escape');
  await assign.getByRole('button', { name: OK }).click();
  await expect(office.getByText('已指定评审人')).toBeVisible();
  await expect(drawer.getByText('评审中')).toBeVisible();

  // The reviewer scores it on the round's criteria.
  const leader = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await login(leader, 'leader');
  await leader.goto('/suggestions/mine');
  await leader.getByTestId('to-review').getByText(title).click();
  const sheet = leader.locator('.ant-drawer-open');
  await sheet.getByLabel('创新性（0–30）').fill('27');
  await sheet.getByLabel('可行性（0–40）').fill('36.5');
  await sheet.getByLabel('效益性（0–30）').fill('26');
  await sheet.getByRole('button', { name: /评\s*分/ }).click();
  await expect(leader.getByText('已提交评分，总分 89.5')).toBeVisible();

  // The office sees the score, adopts it onto the ledger and rewards it (纪念奖: the higher levels are given).
  await office.reload();
  await office.getByPlaceholder('搜索标题或建议人').fill(title);
  await office.getByPlaceholder('搜索标题或建议人').press('Enter');
  await expect(office.getByRole('row', { name: new RegExp(title) })).toContainText('89.5');
  await office
    .getByRole('row', { name: new RegExp(title) })
    .getByText(title)
    .click();
  await drawer
    .getByRole('button', { name: /采\s*纳/ })
    .first()
    .click();
  const adopt = office.getByRole('dialog', { name: '采纳并转督办' });
  await adopt.getByLabel('承办单位').fill('区行政审批局');
  await pickOption(office, adopt.getByLabel('承办单位'), '区行政审批局');
  await adopt.getByLabel('完成时限').fill('2099-06-30');
  await adopt.getByLabel('完成时限').press('Enter');
  await adopt.getByRole('button', { name: OK }).click();
  await expect(office.getByText(/已采纳，转为督办事项 #\d+/)).toBeVisible();
  await expect(drawer.getByText('已采纳')).toBeVisible();
  await drawer.getByRole('button', { name: /评\s*奖/ }).click();
  const reward = office.getByRole('dialog', { name: '评定奖励等级' });
  await pickOption(office, reward.getByLabel('奖励等级'), '纪念奖');
  await reward.getByRole('button', { name: OK }).click();
  await expect(drawer.getByTestId('idea-reward')).toHaveText('纪念奖 · 100 元');

  // The idea is on the ledger with the proposer credited, and the proposer sees the outcome.
  await drawer.getByTestId('idea-ledger').click();
  await expect(office.getByRole('heading', { name: `【金点子】${title}` })).toBeVisible();
  await expect(office.getByText(/建议人：钱填报，区发改局/)).toBeVisible();
  await reporter.reload();
  await expect(reporter.getByTestId('my-ideas')).toContainText('已采纳');
  await expect(reporter.getByTestId('my-ideas')).toContainText('纪念奖');
});
