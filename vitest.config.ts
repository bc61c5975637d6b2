import { defineConfig } from 'vitest/config';

const serverTest = {
  root: 'packages/server',
  include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  testTimeout: 60_000,
  hookTimeout: 120_000,
};

// One `npm test` runs every package's unit and database tests; e2e (Playwright) and bench are separate.
// With TEST_DATABASE_URL set the server's database tests run a second time on that PostgreSQL server.
export default defineConfig({
  test: {
    // Vitest's default on two cores is one worker. The PostgreSQL project waits on the server most of the
    // time, and one file's start-up overlaps another's tests: two workers keep both cores busy.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'core',
          root: 'packages/core',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          // Property tests run hundreds of cases; 5 s (the default) is exceeded on a loaded 2-core machine.
          testTimeout: 30_000,
        },
      },
      { test: { name: 'server', ...serverTest, globalSetup: ['test/global-setup-pglite.ts'] } },
      ...(process.env.TEST_DATABASE_URL
        ? [
            {
              test: {
                name: 'server-pg',
                ...serverTest,
                env: { LEITAI_TEST_DB: 'postgres' },
                globalSetup: ['test/global-setup-pg.ts'],
              },
            },
          ]
        : []),
      {
        test: {
          name: 'web',
          root: 'packages/web',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
          passWithNoTests: true,
        },
      },
    ],
  },
});
