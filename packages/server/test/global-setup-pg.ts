import { prepareTemplate } from './harness.js';

export default async function setup(): Promise<void> {
  await prepareTemplate();
  process.env.LEITAI_TEST_NOW ??= new Date().toISOString();
}
