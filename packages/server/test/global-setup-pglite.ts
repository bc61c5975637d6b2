import { rm } from 'node:fs/promises';
import { preparePgliteTemplate } from './harness.js';

/** The PGlite project's globalSetup: one migrated data folder for every test file (see createTestDatabase). */
export default async function setup(): Promise<() => Promise<void>> {
  const file = await preparePgliteTemplate();
  process.env.LEITAI_PGLITE_TEMPLATE = file;
  return () => rm(file, { force: true });
}
