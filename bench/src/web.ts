/**
 * `npm run bench:web -w @leitai/bench` (after `npm run build`): the web app's first visit over a slow link.
 * Chromium on a 10 Mbit/s link with 20 ms latency (issue 20), a fresh browser context each time (empty
 * cache), five times: the login page's first contentful paint, and after signing in the main page's (工作台).
 * The baseline, in the same run and on the same link: the same page's bytes fetched without rendering
 * (the transfer floor), so the ratio says how much the app adds, to being usable, to moving its files. Target: the login
 * page's first contentful paint under 1 s. Also printed: when the page is usable (the login form; the
 * signed-in user's name), which waits for the scripts.
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { BENCH_PASSWORD, servedApp } from './web-app.js';
import { bytesMoved, CHROMIUM, CHROMIUM_ARGS, firstContentfulPaint, renderProblem } from './render.js';

const RUNS = 5;
const LINK = { offline: false, latency: 20, downloadThroughput: 10e6 / 8, uploadThroughput: 10e6 / 8 };
const webDist = fileURLToPath(new URL('../../packages/web/dist', import.meta.url));
const problem = renderProblem(webDist);
if (problem) {
  console.log(`web bench skipped: ${problem}`);
  process.exit(0);
}

const PASSWORD = BENCH_PASSWORD;
const { app, database, origin } = await servedApp('压测区', (app) => {
  // The baseline's payload: n incompressible bytes, as one response.
  app.get('/bench-bytes', async (request, reply) => {
    const n = Number((request.query as { n?: string }).n ?? 0);
    return reply.type('application/octet-stream').send(randomBytes(n));
  });
  app.get('/bench-blank', async (_request, reply) =>
    reply.type('text/html').send('<!doctype html><title>baseline</title>'),
  );
});

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });

/** A fresh context on the slow link. */
async function slowPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', LINK);
  return page;
}

const results: Record<string, { fcp: number[]; bytes: number; floor: number[]; ready: number[] }> = {};
for (let i = 0; i < RUNS; i += 1) {
  const page = await slowPage();
  const t0 = performance.now();
  await page.goto(`${origin}/login`);
  await page.getByRole('button', { name: /登\s*录/ }).waitFor();
  const login = (results.login ??= { fcp: [], bytes: 0, floor: [], ready: [] });
  login.ready.push(performance.now() - t0);
  login.fcp.push(await firstContentfulPaint(page));
  login.bytes = await bytesMoved(page);
  await page.getByLabel('用户名').fill('bench.organiser');
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL(`${origin}/`);
  await page.context().close();

  // The main page on a fresh visit: the session cookie kept, the cache empty.
  const cookies = await (async () => {
    const r = await fetch(`${origin}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench.organiser', password: PASSWORD }),
    });
    return r.headers.getSetCookie().map((c) => c.split(';')[0]!.split('=') as [string, string]);
  })();
  const main = await slowPage();
  await main.context().addCookies(cookies.map(([name, value]) => ({ name, value, url: origin })));
  const t1 = performance.now();
  await main.goto(`${origin}/`);
  await main.getByText('王考核').first().waitFor();
  const home = (results['main (工作台)'] ??= { fcp: [], bytes: 0, floor: [], ready: [] });
  home.ready.push(performance.now() - t1);
  home.fcp.push(await firstContentfulPaint(main));
  home.bytes = await bytesMoved(main);
  await main.context().close();
}

// The baseline: the same number of bytes over the same link, fetched by the browser without rendering.
for (const r of Object.values(results)) {
  for (let i = 0; i < RUNS; i += 1) {
    const page = await slowPage();
    await page.goto(`${origin}/bench-blank`);
    const t = await page.evaluate(async (n) => {
      const start = performance.now();
      await fetch(`/bench-bytes?n=${n}`).then((res) => res.arrayBuffer());
      return performance.now() - start;
    }, r.bytes);
    r.floor.push(t);
    await page.context().close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`web bench: Chromium on 10 Mbit/s, 20 ms latency, empty cache, ${RUNS} visits each`);
for (const [name, r] of Object.entries(results)) {
  const worst = Math.max(...r.fcp);
  const verdict = name === 'login' ? (worst < 1000 ? '  (target < 1000 ms: met)' : '  (target < 1000 ms: MISSED)') : '';
  console.log(
    `  ${name.padEnd(14)} first contentful paint median ${median(r.fcp).toFixed(0)} ms, worst ${worst.toFixed(0)} ms; usable (the form, the user's name) median ${median(r.ready).toFixed(0)} ms; ${(r.bytes / 1024).toFixed(0)} KiB moved, floor ${median(r.floor).toFixed(0)} ms: usable at ${(median(r.ready) / median(r.floor)).toFixed(1)} × floor${verdict}`,
  );
}
await browser.close();
await app.close();
await database.close();
