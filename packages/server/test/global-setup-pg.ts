import { prepareTemplate } from './harness.js';

export default async function setup(): Promise<void> {
  await prepareTemplate();
}
