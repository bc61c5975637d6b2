import type { Browser, Page } from '@playwright/test';
import { expect, login, openNotice, test } from '../fixtures';

// Several accounts in turn, each in its own browser context.
test.describe.configure({ timeout: 120_000 });
const OK = /确\s*定|OK/;

async function signedIn(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await login(page, username);
  return page;
}

/** A to-do card's count, then what the page it opens lists under the same filter: the two must agree. */
async function countMatchesList(page: Page, kind: string): Promise<number> {
  await page.goto('/');
  const card = page.getByTestId(`todo-${kind}`);
  const count = Number(await card.getByTestId('todo-count').textContent());
  expect(count).toBeGreaterThan(0);
  await card.getByTestId('todo-open').click();
  if (kind.startsWith('ledger.')) {
    await expect(page).toHaveURL(/\/ledger\?/);
    await expect(page.getByText(`共 ${count} 项`)).toBeVisible();
  } else if (kind.startsWith('dispatch.') && page.url().includes('/dispatch/board')) {
    await expect(page.getByTestId('board-report-filter')).toBeVisible();
    await expect(page.locator('.ant-table-tbody tr.ant-table-row')).toHaveCount(count);
  }
  return count;
}

test('each role’s home is its to-do list: counts match the lists they open', async ({ browser }) => {
  const organiser = await signedIn(browser, 'organiser');
  await expect(organiser.getByTestId('todos')).toBeVisible();
  // The shortcuts come after the to-dos, smaller.
  await expect(organiser.getByTestId('shortcuts')).toBeVisible();
  for (const kind of ['ledger.overdue', 'ledger.close_requested', 'dispatch.review'])
    await countMatchesList(organiser, kind);

  const reporter = await signedIn(browser, 'reporter.fgj');
  await countMatchesList(reporter, 'ledger.overdue');
  // The month to fill (or to correct) opens the unit's own report, and the menu lights 本单位调度. The specs share
  // the demo: dispatch.spec may already have sent and accepted this unit's month, and then nothing waits here.
  await reporter.goto('/');
  await expect(reporter.getByTestId('todo-ledger.overdue')).toBeVisible();
  const month = reporter.locator('[data-testid="todo-dispatch.due"], [data-testid="todo-dispatch.returned"]');
  if ((await month.count()) > 0) {
    await month.first().getByTestId('todo-open').click();
    await expect(reporter).toHaveURL(/\/dispatch\/report\//);
    await expect(reporter.locator('.ant-menu-item-selected')).toContainText('本单位调度');
  } else {
    // …and the unit's own page agrees: no month waits there either.
    await reporter.goto('/dispatch/unit');
    await expect(reporter.getByRole('heading').first()).toBeVisible();
    await expect(reporter.getByTestId(/^due-/)).toHaveCount(0);
  }

  const leader = await signedIn(browser, 'leader');
  const red = await countMatchesList(leader, 'ledger.overdue');
  // Only the units he oversees: fewer than the office's whole ledger.
  const all = Number(
    await organiser
      .goto('/')
      .then(() => organiser.getByTestId('todo-ledger.overdue').getByTestId('todo-count').textContent()),
  );
  expect(red).toBeLessThan(all);

  // A judge with no arena today: nothing to do, and what the role usually does.
  const judge = await signedIn(browser, 'judge2');
  await expect(judge.getByTestId('todos-empty')).toContainText('暂无待办');
  await expect(judge.getByTestId('todos-empty')).toContainText('我的评分');
});

test('催办: the office urges an overdue item; the unit sees it in the bell and on the item', async ({ browser }) => {
  const reporter = await signedIn(browser, 'reporter.fgj');
  const items = (await (await reporter.request.get('/api/ledger/items?colour=red')).json()).items as {
    id: number;
    title: string;
  }[];
  const item = items[0]!;
  const organiser = await signedIn(browser, 'organiser');
  await organiser.goto(`/ledger/items/${item.id}`);
  const before = await organiser.getByTestId('urge-count').count();
  expect(before).toBe(0);
  await organiser.getByTestId('urge').click();
  await organiser.getByTestId('supervision-text').fill('请本周内完成并申请销号');
  await organiser.getByRole('button', { name: OK }).click();
  await expect(organiser.getByTestId('urge-count')).toHaveText('已催办 1 次');
  // Again: counted again.
  await organiser.getByTestId('urge').click();
  await organiser.getByRole('button', { name: OK }).click();
  await expect(organiser.getByTestId('urge-count')).toHaveText('已催办 2 次');

  await reporter.goto('/');
  await openNotice(reporter, `催办（第 2 次）：${item.title}`);
  await expect(reporter).toHaveURL(new RegExp(`/ledger/items/${item.id}$`));
  await expect(reporter.getByTestId('urge-count')).toHaveText('已催办 2 次');
  // The unit may not urge itself.
  await expect(reporter.getByTestId('urge')).toHaveCount(0);
});

test('批示: a leader writes, the unit answers, the leader sees the answer', async ({ browser }) => {
  const head = await signedIn(browser, 'head.fgj');
  // An open item the unit leads (the lead unit answers an instruction).
  const items = (await (await head.request.get('/api/ledger/items')).json()).items as {
    id: number;
    title: string;
    state: string;
    leadUnit: { name: string };
  }[];
  const item = items.find((i) => i.leadUnit.name === '区发改局' && i.state !== 'closed')!;
  const text = `请倒排工期，月底前见底清零 ${Date.now() % 1000}`;

  const leader = await signedIn(browser, 'leader');
  await leader.goto(`/ledger/items/${item.id}`);
  await leader.getByTestId('instruct').click();
  await leader.getByTestId('supervision-text').fill(text);
  await leader.getByRole('button', { name: OK }).click();
  const box = leader.locator('[data-testid^="instruction-"]').filter({ hasText: text });
  await expect(box).toContainText('待单位回复');
  await leader.goto('/');
  await expect(leader.getByTestId('todo-supervision.waiting')).toContainText(item.title);

  // The unit's home says an instruction waits; it opens the item, where it is shown first.
  await head.goto('/');
  const card = head.getByTestId('todo-supervision.to_answer');
  await card.getByRole('link', { name: item.title }).click();
  const mine = head.locator('[data-testid^="instruction-"]').filter({ hasText: text });
  await mine.getByTestId('answer-text').fill('已制定整改计划，月底前完成');
  await mine.getByTestId('answer').click();
  await expect(mine.getByTestId('instruction-answer')).toContainText('已制定整改计划，月底前完成');

  await openNotice(leader, `批示已回复：${item.title}`);
  await expect(
    leader.locator('[data-testid^="instruction-"]').filter({ hasText: text }).getByTestId('instruction-answer'),
  ).toContainText('已制定整改计划，月底前完成');
});

test('催报: the office urges a missing report from the board; the unit sees it on its report and in the bell', async ({
  browser,
}) => {
  const organiser = await signedIn(browser, 'organiser');
  const { campaigns } = await (await organiser.request.get('/api/dispatch/campaigns')).json();
  const campaign = campaigns[0].id as number;
  const { periods } = await (
    await organiser.request.get(`/api/dispatch/campaigns/${campaign}?year=${new Date().getFullYear()}`)
  ).json();
  // The latest month with a report missing past its deadline, of a unit with a reporter account (the demo's
  // accounts sign in with the demo password).
  const reporterOf = async (unitId: number): Promise<string | undefined> =>
    (await (await organiser.request.get(`/api/users?unitId=${unitId}&role=reporter`)).json()).items?.[0]?.username;
  let reporterName: string | undefined;
  let found: { period: string; unit: { id: number; name: string } } | null = null;
  for (const p of [...(periods as { period: string }[])].reverse()) {
    const board = await (
      await organiser.request.get(`/api/dispatch/campaigns/${campaign}/board?period=${p.period}&report=missing`)
    ).json();
    for (const row of board.rows as { unit: { id: number; name: string } }[]) {
      reporterName = await reporterOf(row.unit.id);
      if (reporterName) {
        found = { period: p.period, unit: row.unit };
        break;
      }
    }
    if (found) break;
  }
  expect(found).not.toBeNull();
  const { period, unit } = found!;
  await organiser.goto(`/dispatch/board?campaign=${campaign}&period=${period}&report=missing`);
  await organiser
    .getByRole('row', { name: new RegExp(unit.name) })
    .getByRole('link', { name: '未填报' })
    .click();
  await expect(organiser).toHaveURL(new RegExp(`/dispatch/report/${unit.id}/${period}`));
  await organiser.getByTestId('urge').click();
  await organiser.getByTestId('supervision-text').fill('请今天内补报');
  await organiser.getByRole('button', { name: OK }).click();
  await expect(organiser.getByTestId('urge-count')).toHaveText('已催办 1 次');

  const reporter = await signedIn(browser, reporterName!);
  await openNotice(reporter, `催办（第 1 次）：${unit.name} ${period} 月度调度`);
  await expect(reporter).toHaveURL(new RegExp(`/dispatch/report/${unit.id}/${period}`));
  await expect(reporter.getByTestId('urge-count')).toHaveText('已催办 1 次');
});
