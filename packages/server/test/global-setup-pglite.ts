import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preparePgliteTemplate } from './harness.js';

/**
 * The PGlite project's globalSetup: one migrated data folder for every test file (see createTestDatabase), and a
 * folder for the demo's seeded copies (createDemoTestApp), both removed at teardown.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const file = await preparePgliteTemplate();
  const demos = await mkdtemp(join(tmpdir(), 'leitai-demo-'));
  process.env.LEITAI_PGLITE_TEMPLATE = file;
  process.env.LEITAI_DEMO_CACHE = demos;
  process.env.LEITAI_TEST_NOW ??= new Date().toISOString();
  return async () => {
    await rm(file, { force: true });
    await rm(demos, { recursive: true, force: true });
  };
}
