import { chromium } from 'playwright-core';
const base = 'http://localhost:3501';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
async function ctxFor(user, width) {
  const ctx = await browser.newContext({ viewport: { width, height: width > 800 ? 900 : 844 } });
  const page = await ctx.newPage();
  await page.goto(base + '/login');
  await page.getByLabel('用户名').fill(user);
  await page.getByLabel('密码', { exact: true }).fill('Leitai@2026');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('user-menu').waitFor();
  return page;
}
const org = await ctxFor('organiser', 1366);
const me = await (await org.request.get(base + '/api/auth/me')).json();
const h = { 'x-csrf-token': me.csrfToken };
const units = await (await org.request.get(base + '/api/arenas/options/units')).json();
const accts = await (await org.request.get(base + '/api/arenas/options/judges')).json();
const j1 = accts.find((a) => a.name === '评委一');
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const mk = async (title, heldOn) => (await (await org.request.post(base + '/api/arenas', { headers: h, data: {
  title, heldOn, groups: [{ id: '领导评委', weight: 1 }],
  contestants: units.slice(0, 3).map((u) => ({ unitId: u.id })),
  judges: [{ name: '外请专家甲', groupId: '领导评委' }, { name: '外请专家乙', groupId: '领导评委' }, { userId: j1.id, groupId: '领导评委' }],
} })).json()).id;
const id = await mk('第四季度局长擂台赛（账号评委）', today);
await mk('明年一季度擂台赛', '2027-03-01');
await org.request.post(base + `/api/arenas/${id}/draw`, { headers: h, data: { seed: 'shot' } });
for (const type of ['start', 'call', 'open']) await org.request.post(base + `/api/arenas/${id}/host`, { headers: h, data: { type } });
await org.goto(base + `/arenas/${id}/host`); await org.waitForTimeout(1500);
await org.screenshot({ path: '/tmp/shot-host.png', fullPage: true });
await org.goto(base + '/arenas'); await org.getByRole('button', { name: '新建擂台赛' }).click(); await org.waitForTimeout(800);
await org.locator('.ant-drawer').getByTestId('add-account-judge').click(); await org.waitForTimeout(300);
await org.locator('.ant-drawer .ant-drawer-body').evaluate((e) => e.scrollTo(0, e.scrollHeight)); await org.waitForTimeout(300);
await org.screenshot({ path: '/tmp/shot-drawer.png' });
const pdf = await org.request.post(base + `/api/arenas/${id}/codes.pdf`, { headers: h, data: {} });
(await import('node:fs')).writeFileSync('/tmp/cards.pdf', await pdf.body());
for (const w of [1366, 390]) {
  const p = await ctxFor('judge1', w);
  await p.waitForTimeout(1200);
  await p.screenshot({ path: `/tmp/shot-home-${w}.png`, fullPage: true });
  await p.goto(base + `/judging/${id}`); await p.waitForTimeout(1500);
  await p.screenshot({ path: `/tmp/shot-score-${w}.png`, fullPage: true });
}
await browser.close();
