import { defineConfig } from '@playwright/test';

// Each worker has a server of its own, on an in-memory database with the demo city; specs must not depend
// on each other's data. Worker i talks to the server on E2E_PORT + i (fixtures.ts), so CI's two workers take
// the next spec as each finishes (balanced by time, unlike fixed shards). E2E_PORT lets several people run
// their specs side by side; E2E_SERVERS sets the number of workers (CI: 2, one per core).
const port = Number(process.env.E2E_PORT ?? 3100);
const servers = Number(process.env.E2E_SERVERS ?? (process.env.CI ? 2 : 1));

export default defineConfig({
  testDir: './specs',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: servers,
  // No retries: a test that fails once is a bug to find (the last two were a form reset racing the typing
  // and a hover-only menu).
  retries: 0,
  reporter: [['list']],
  // Per port, so two people's runs side by side do not clean each other's folder.
  outputDir: `../test-results/${port}`,
  use: {
    baseURL: `http://localhost:${port}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: Array.from({ length: servers }, (_, i) => ({
    command: 'node --import tsx packages/server/src/main.ts',
    cwd: '..',
    url: `http://localhost:${port + i}/readyz`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: {
      PORT: String(port + i),
      LEITAI_DATA_DIR: 'memory://',
      LEITAI_DEMO: '1',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      LOGIN_RATE_LIMIT: '1000',
      // The evaluation spec moves "today" past a 公示 window (PUT /api/test/clock); never set in production.
      LEITAI_TEST_CLOCK: '1',
    },
  })),
});
