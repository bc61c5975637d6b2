/// <reference lib="dom" />
import { existsSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Whether a render can be measured here: Debian's Chromium installed and the web app built. */
export function renderProblem(webDist: string): string | null {
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} missing (apt-get install chromium)`;
  if (!existsSync(`${webDist}/index.html`)) return 'the web app is not built (npm run build)';
  return null;
}

/**
 * Milliseconds from navigation to `ready` being true in the page, each run in a fresh browser context
 * (empty cache, as a first visit), logged in with the session cookie.
 */
export async function firstRenders(opts: {
  url: string;
  cookie: { name: string; value: string };
  /** Runs in the page (a function: the app's CSP refuses a string to evaluate). */
  ready: () => boolean;
  runs: number;
  viewport?: { width: number; height: number };
}): Promise<number[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const out: number[] = [];
  try {
    for (let i = 0; i < opts.runs; i += 1) {
      const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1440, height: 900 } });
      const { origin } = new URL(opts.url);
      await context.addCookies([{ name: opts.cookie.name, value: opts.cookie.value, url: origin }]);
      const page = await context.newPage();
      const t = performance.now();
      await page.goto(opts.url);
      await page.waitForFunction(opts.ready, undefined, { timeout: 60_000, polling: 'raf' });
      out.push(performance.now() - t);
      if (process.env.RENDER_TRACE) console.log(await page.evaluate(trace));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return out;
}

/** The portfolio Gantt is drawn: its SVG holds the baseline and plan bars of the rows in view. */
export function ganttDrawn(): boolean {
  const svg = document.querySelector('[data-testid=gantt] svg');
  return !!svg && svg.querySelectorAll('path').length > 36;
}

/** Where a render's time went, in the page's clock (RENDER_TRACE=1): the document, scripts, API answers. */
function trace(): string {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const res = performance
    .getEntriesByType('resource')
    .map((r) => r as PerformanceResourceTiming)
    .map((r) => `${new URL(r.name).pathname} ${r.startTime.toFixed(0)}→${r.responseEnd.toFixed(0)}`);
  return `    dom ${nav?.domContentLoadedEventEnd.toFixed(0)} ms, now ${performance.now().toFixed(0)} ms; ${res.join('; ')}`;
}

/** The page's first contentful paint, in ms from navigation (waits for it if it has not happened yet). */
export const firstContentfulPaint = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const seen = performance.getEntriesByName('first-contentful-paint')[0];
        if (seen) return resolve(seen.startTime);
        new PerformanceObserver((list) => resolve(list.getEntries()[0]!.startTime)).observe({
          type: 'paint',
          buffered: true,
        });
      }),
  );

/** What the page moved over the wire: the compressed bodies of the document and everything it loaded. */
export const bytesMoved = (page: Page) =>
  page.evaluate(() =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .concat(performance.getEntriesByType('navigation') as PerformanceResourceTiming[])
      .reduce((n, r) => n + r.transferSize, 0),
  );
