/**
 * `npm run bench:rate-page -w @leitai/bench` (after `npm run build`): the citizens' rating page (issue 13), opened
 * from a counter's QR code on a phone over 3G. Chromium with DevTools' "Fast 3G" profile (1.44 Mbit/s down,
 * 675 kbit/s up, 562.5 ms latency), a phone viewport, a fresh context each time (empty cache), five visits:
 * first contentful paint (target under 1.5 s), when the five levels can be tapped, and the page's bytes. The
 * baseline, in the same run on the same link: a blank page's first paint (what the link alone costs).
 */
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { BENCH_PASSWORD, servedApp } from './web-app.js';
import { bytesMoved, CHROMIUM, CHROMIUM_ARGS, firstContentfulPaint, renderProblem } from './render.js';

const RUNS = 5;
const FAST_3G = { offline: false, latency: 562.5, downloadThroughput: (1.44e6 / 8) | 0, uploadThroughput: 84375 };
const webDist = fileURLToPath(new URL('../../packages/web/dist', import.meta.url));
const problem = renderProblem(webDist);
if (problem) {
  console.log(`rate-page bench skipped: ${problem}`);
  process.exit(0);
}

// One district, its office's organiser, and (below) a service window's rating point made through the API.
const PASSWORD = BENCH_PASSWORD;
const { app, database, origin } = await servedApp('压测区政务服务大厅', (app) => {
  app.get('/bench-blank', async (_request, reply) =>
    reply.type('text/html').send('<!doctype html><title>baseline</title><p>基线</p>'),
  );
});
const login = await app.inject({
  method: 'POST',
  url: '/api/auth/login',
  payload: { username: 'bench.organiser', password: PASSWORD },
});
const session = { leitai_session: login.cookies.find((c) => c.name === 'leitai_session')!.value };
const headers = { 'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken };
const unitId = (await app.inject({ url: '/api/auth/me', cookies: session })).json<{ user: { unitId: number } }>().user
  .unitId;
const made = await app.inject({
  method: 'POST',
  url: '/api/ratings/points',
  cookies: session,
  headers,
  payload: { unitId, points: [{ name: '3号综合窗口', kind: 'window' }] },
});
if (made.statusCode !== 200) throw new Error(`could not make a rating point: ${made.body}`);
const points = (await app.inject({ url: '/api/ratings/points', cookies: session })).json<{
  points: { code: string }[];
}>().points;
const code = points[0]!.code;

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });

async function phoneOn3g(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', FAST_3G);
  return page;
}

const page = { fcp: [] as number[], ready: [] as number[], bytes: 0 };
const blank: number[] = [];
// Alternating, so a neighbour's load weighs on both alike.
for (let i = 0; i < RUNS; i += 1) {
  const p = await phoneOn3g();
  const t0 = performance.now();
  await p.goto(`${origin}/r/${code}`);
  await p.getByText('非常满意').first().waitFor();
  page.ready.push(performance.now() - t0);
  page.fcp.push(await firstContentfulPaint(p));
  page.bytes = await bytesMoved(p);
  await p.context().close();

  const b = await phoneOn3g();
  await b.goto(`${origin}/bench-blank`);
  blank.push(await firstContentfulPaint(b));
  await b.context().close();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const worst = Math.max(...page.fcp);
console.log(`rate-page bench: Chromium, phone, DevTools "Fast 3G", empty cache, ${RUNS} visits`);
console.log(
  `  /r/<point>  first contentful paint median ${median(page.fcp).toFixed(0)} ms, worst ${worst.toFixed(0)} ms; ` +
    `the five levels tappable median ${median(page.ready).toFixed(0)} ms; ${(page.bytes / 1024).toFixed(1)} KiB moved; ` +
    `a blank page's first paint on the same link ${median(blank).toFixed(0)} ms`,
);
console.log(worst < 1500 ? 'verdict: met (target < 1500 ms)' : 'verdict: NOT met (target < 1500 ms)');
await browser.close();
await app.close();
await database.close();
