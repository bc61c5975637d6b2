import { defineConfig } from '@playwright/test';

// One server for the whole run, on an in-memory database with the demo district; specs must not depend
// on each other's data. E2E_PORT lets several people run their specs side by side.
const port = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: './specs',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  // Per port: CI runs two shards side by side, and each cleans its own folder when it starts.
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
  webServer: {
    command: 'node --import tsx packages/server/src/main.ts',
    cwd: '..',
    url: `http://localhost:${port}/readyz`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: {
      PORT: String(port),
      LEITAI_DATA_DIR: 'memory://',
      LEITAI_DEMO: '1',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      LOGIN_RATE_LIMIT: '1000',
      // The evaluation spec moves "today" past a 公示 window (PUT /api/test/clock); never set in production.
      LEITAI_TEST_CLOCK: '1',
    },
  },
});
