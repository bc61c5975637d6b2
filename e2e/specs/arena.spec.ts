import type { Browser, BrowserContext, Page } from '@playwright/test';
import { scoreArena } from '@leitai/core';
import { expect, login, pickOption, test } from '../fixtures';

/**
 * 擂台赛 live, in several browser contexts at once: a host, five judges on phones and a big screen.
 * The arena is created here (not the demo's), so the spec depends on no other spec's data.
 */
const CRITERIA = ['实绩', '举措', '表现', '作风'] as const;
const JUDGES = [
  { name: 'E2E领导甲', groupId: '领导评委' },
  { name: 'E2E领导乙', groupId: '领导评委' },
  { name: 'E2E领导丙', groupId: '领导评委' },
  { name: 'E2E专家甲', groupId: '专家评委' },
  { name: 'E2E专家乙', groupId: '专家评委', unit: '区工信局' }, // recused from 区工信局
];
const UNITS = ['区发改局', '区工信局', '区商务局'];
/** Judge k's criteria for contestant unit u: distinct, within the maxima, totals between 60 and 100. */
const scoresFor = (k: number, u: number): number[] => [
  30 + k + u,
  22 + ((k * 2 + u) % 6),
  15 + ((k + 2 * u) % 4),
  7 + ((k + u) % 3),
];

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

async function phone(browser: Browser): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  return { ctx, page: await ctx.newPage() };
}

test('host, five judges and a big screen run an arena; the result is the engine computation', async ({
  browser,
  page: host,
}) => {
  test.setTimeout(180_000);
  await login(host, 'organiser');
  const units: { id: number; name: string }[] = await api(host, 'GET', '/api/arenas/options/units');
  const unitId = (name: string) => units.find((u) => u.name === name)!.id;
  const { id } = await api(host, 'POST', '/api/arenas', {
    title: 'E2E局长擂台赛',
    heldOn: '2026-03-28',
    speakingSeconds: 120,
    groups: [
      { id: '领导评委', weight: 0.6 },
      { id: '专家评委', weight: 0.4 },
    ],
    contestants: UNITS.map((u) => ({ unitId: unitId(u) })),
    judges: JUDGES.map((j) => ({ name: j.name, groupId: j.groupId, unitId: j.unit ? unitId(j.unit) : null })),
  });

  // Draw from a typed seed, then issue codes (shown once, with QR codes).
  await host.goto(`/arenas/${id}/host`);
  await host.getByTestId('draw-seed').fill('e2e-2026');
  await host.getByTestId('draw').click();
  await expect(host.getByText('已抽签（种子 e2e-2026）')).toBeVisible();
  await host.getByTestId('issue-codes').click();
  const codeCells = host.locator('[data-testid^="code-"]');
  await expect(codeCells).toHaveCount(5);
  const codes = (await codeCells.allTextContents()).map((c) => c.trim());
  await host.keyboard.press('Escape');

  const detail = await api(host, 'GET', `/api/arenas/${id}`);
  const screenCtx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const screen = await screenCtx.newPage();
  await screen.goto(`/screen/${detail.screenToken}`);
  await expect(screen.getByText('擂台赛即将开始')).toBeVisible();

  const judges = [];
  for (const code of codes) {
    const j = await phone(browser);
    await j.page.goto(`/judge?code=${code}`);
    await expect(j.page.getByText('擂台赛尚未开始')).toBeVisible();
    judges.push(j);
  }

  await host.getByTestId('host-start').click();
  const entered: { judgeId: string; contestantId: string; criteria: Record<string, number> }[] = [];
  for (let round = 0; round < UNITS.length; round += 1) {
    await host.getByTestId('host-call').click();
    await expect(host.getByTestId('host-current')).toContainText(`第${round + 1}位`);
    const live = await api(host, 'GET', `/api/arenas/${id}/live`);
    const cur = live.current;
    const u = UNITS.indexOf(cur.unitName);
    await expect(screen.getByTestId('screen-current')).toHaveText(cur.unitName);
    await host.getByTestId('host-timerStart').click();
    await expect(screen.getByTestId('screen-timer')).toBeVisible();
    await host.getByTestId('host-open').click();

    for (const [k, j] of judges.entries()) {
      await expect(j.page.getByTestId('judge-contestant')).toHaveText(cur.unitName);
      if (JUDGES[k]!.unit === cur.unitName) {
        // A recused judge sees why and has nothing to submit; the API refuses too.
        await expect(j.page.getByTestId('judge-recused')).toBeVisible();
        await expect(j.page.getByTestId('judge-submit')).toHaveCount(0);
        const token = (await j.page.evaluate('localStorage.getItem("leitai.judge.token")')) as string | null;
        const res = await j.page.request.put(`/api/judge/scores/${cur.contestantId}`, {
          headers: { 'x-judge-token': token ?? '' },
          data: { criteria: { 实绩: 30, 举措: 20, 表现: 15, 作风: 8 } },
        });
        expect(res.status()).toBe(403);
        expect((await res.json()).error.message).toContain('回避');
        continue;
      }
      const values = scoresFor(k, u);
      for (const [i, c] of CRITERIA.entries()) await j.page.getByTestId(`criterion-${c}`).fill(String(values[i]));
      await expect(j.page.getByTestId('judge-total')).toHaveText(`合计 ${values.reduce((a, b) => a + b, 0)}`);
      await j.page.getByTestId('judge-submit').click();
      await expect(j.page.getByTestId('judge-submitted')).toBeVisible();
      entered.push({
        judgeId: String(detail.judges[k].id),
        contestantId: String(cur.contestantId),
        criteria: Object.fromEntries(CRITERIA.map((c, i) => [c, values[i]!])),
      });
      if (round === 0 && k === 0) {
        // A reload (or a lost network) brings the judge back to where they were.
        await j.page.reload();
        await expect(j.page.getByTestId('judge-submitted'))
          .toBeVisible()
          .catch(async (e: unknown) => {
            await j.page.screenshot({ path: '/tmp/judge-reload-fail.png' });
            throw e;
          });
      }
    }
    // The screen counts submissions as they arrive, without a reload.
    await expect(screen.getByTestId('screen-submitted')).toHaveText(String(cur.eligible));
    await host.getByTestId('host-close').click();
    await host.getByTestId('host-reveal').click();
    await expect(screen.getByTestId('screen-score')).toBeVisible();
    await expect(screen.getByTestId('leaderboard-row')).toHaveCount(round + 1);
  }
  await host.getByTestId('host-finish').click();
  await host.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(screen.getByText('擂台赛圆满结束')).toBeVisible();
  for (const j of judges) await expect(j.page.getByText('本场擂台赛已结束')).toBeVisible();

  // The published result equals the engine's computation from the scores typed on the phones.
  const engine = scoreArena({
    scheme: {
      criteria: [
        { id: '实绩', max: 40 },
        { id: '举措', max: 30 },
        { id: '表现', max: 20 },
        { id: '作风', max: 10 },
      ],
      groups: [
        { id: '领导评委', weight: '0.6' },
        { id: '专家评委', weight: '0.4' },
      ],
    },
    judges: detail.judges.map((j: { id: number; groupId: string }) => ({ id: String(j.id), groupId: j.groupId })),
    contestants: detail.contestants.map((c: { id: number }) => ({ id: String(c.id) })),
    scores: entered,
  });
  await host.goto(`/arenas/${id}/result`);
  await expect(host.getByText('出场顺序抽签种子：e2e-2026')).toBeVisible();
  const rows = host.getByTestId('result-table').locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(3);
  for (const [i, r] of engine.entries()) {
    const name = detail.contestants.find((c: { id: number }) => String(c.id) === r.contestantId).unitName;
    await expect(rows.nth(i)).toContainText(name);
    await expect(rows.nth(i)).toContainText(r.scoreShown ?? '—');
  }
  for (const j of judges) await j.ctx.close();
  await screenCtx.close();
});

test('the organiser sets up an arena inside the campaign from the form, and the list names the campaign', async ({
  page,
}) => {
  await login(page, 'organiser');
  await page.goto('/arenas');
  // The demo arenas belong to the demo campaign.
  await expect(page.getByRole('row').filter({ hasText: '局长擂台赛' }).first()).toContainText(
    '“作风能力提升年”重点工作攻坚',
  );

  await page.getByRole('button', { name: '新建擂台赛' }).click();
  const drawer = page.locator('.ant-drawer');
  await pickOption(page, drawer.getByLabel('所属活动'), '“作风能力提升年”重点工作攻坚');
  await drawer.getByLabel('名称').fill('第四季度书记擂台赛（表单）');
  await drawer.getByLabel('日期').fill('2026-12-20');
  await drawer.getByLabel('日期').press('Enter');
  const contestants = drawer.getByLabel('选手单位');
  await contestants.click();
  for (const unit of ['流亭街道', '夏庄街道']) {
    await page.keyboard.type(unit);
    await pickOption(page, contestants, unit);
  }
  await page.keyboard.press('Escape');
  await drawer.getByPlaceholder('姓名').first().fill('领导评委甲');
  await drawer.getByRole('button', { name: /创\s*建/ }).click();

  // Created: straight to the host console, and listed under its campaign.
  await expect(page).toHaveURL(/\/arenas\/\d+\/host$/);
  await page.goto('/arenas');
  await expect(page.getByRole('row').filter({ hasText: '第四季度书记擂台赛（表单）' })).toContainText(
    '“作风能力提升年”重点工作攻坚',
  );
});

test('the host marks a judge absent (缺席) for the contestant on stage and another for the whole arena', async ({
  page: host,
}) => {
  await login(host, 'organiser');
  const units: { id: number; name: string }[] = await api(host, 'GET', '/api/arenas/options/units');
  const unitId = (name: string) => units.find((u) => u.name === name)!.id;
  const { id } = await api(host, 'POST', '/api/arenas', {
    title: 'E2E缺席擂台赛',
    heldOn: '2026-03-28',
    speakingSeconds: 120,
    groups: [{ id: '领导评委', weight: 1 }],
    contestants: ['区发改局', '区商务局'].map((u) => ({ unitId: unitId(u) })),
    judges: ['E2E缺席甲', 'E2E缺席乙', 'E2E缺席丙'].map((name) => ({ name, groupId: '领导评委', unitId: null })),
  });
  await api(host, 'POST', `/api/arenas/${id}/draw`, { seed: 'absent-e2e' });
  for (const type of ['start', 'call']) await api(host, 'POST', `/api/arenas/${id}/host`, { type });
  await host.goto(`/arenas/${id}/host`);
  const row = (name: string) => host.getByRole('row', { name: new RegExp(name) });
  await expect(host.getByTestId('host-submitted')).toContainText('0 / 3');
  await row('E2E缺席甲').getByRole('button', { name: '本轮缺席' }).click();
  await expect(row('E2E缺席甲').getByText('缺席', { exact: true })).toBeVisible();
  await row('E2E缺席乙').getByRole('button', { name: '全场缺席' }).click();
  await expect(row('E2E缺席乙').getByRole('button', { name: '取消全场缺席' })).toBeVisible();
  await expect(host.getByTestId('host-submitted')).toContainText('0 / 1');
  // The marks are the server's (audited host actions), so they survive a reload.
  await host.reload();
  await expect(row('E2E缺席甲').getByRole('button', { name: '取消缺席' })).toBeVisible();
  await expect(host.getByTestId('host-submitted')).toContainText('0 / 1');
});
