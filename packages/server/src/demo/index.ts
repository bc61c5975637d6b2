import { count } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { units } from '../db/schema/index.js';
import { registerTargets } from '../http/access.js';
import { accessTargets } from '../modules/index.js';
import { demoSeeders } from './seeders.js';

/** Today for demo data; fixed in tests so the demo is the same on every run. */
export interface DemoContext {
  today: Date;
  log: (line: string) => void;
  /** The server secret, so demo phones are encrypted as the running server will open them; without it, none are left. */
  secret?: string;
}

/**
 * Loads one feature's demo data. Seeders run in list order inside one transaction, each seeing what
 * the earlier ones wrote (units and users first).
 */
export type DemoSeeder = { name: string; seed: (tx: Db, ctx: DemoContext) => Promise<void> };

/** Seeds the demo district on an empty database. Returns whether it did. */
export async function seedDemoIfEmpty(db: Db, ctx: DemoContext): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(units);
  if ((row?.n ?? 0) > 0) return false;
  // Seeders act through the services, whose second checks (checkAccess) need the modules' target kinds.
  registerTargets(accessTargets);
  await db.transaction(async (tx) => {
    for (const seeder of demoSeeders) {
      ctx.log(`demo: ${seeder.name}`);
      await seeder.seed(tx, ctx);
    }
  });
  return true;
}
