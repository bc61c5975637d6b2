import { writeFile } from 'node:fs/promises';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { verifyAuditChain } from './modules/audit/index.js';
import { seedDemoIfEmpty } from './demo/index.js';

const commands: Record<string, (args: string[]) => Promise<number>> = {
  async migrate() {
    const database = await open();
    await database.migrate();
    console.log('Migrations applied.');
    await database.close();
    return 0;
  },
  async 'audit:verify'() {
    const database = await open();
    const result = await verifyAuditChain(database.db);
    await database.close();
    if (result.ok) {
      console.log(`Audit chain intact: ${result.checked} entries checked.`);
      return 0;
    }
    console.error(
      `Audit chain BROKEN at entry ${result.brokenSeq}: ${result.reason} (${result.checked} entries before it are intact).`,
    );
    return 2;
  },
  /** Writes the API's OpenAPI document (CI checks that regenerating it changes nothing). */
  async openapi([out = 'docs/openapi.json']) {
    const database = await openDatabase({ dataDir: 'memory://' });
    await database.migrate();
    const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), database });
    await app.ready();
    await writeFile(out, `${JSON.stringify(app.swagger(), null, 2)}\n`);
    await app.close();
    await database.close();
    console.log(`OpenAPI document written to ${out}.`);
    return 0;
  },
  async 'demo:seed'() {
    const database = await open();
    await database.migrate();
    const seeded = await seedDemoIfEmpty(database.db, { today: new Date(), log: console.log });
    console.log(seeded ? 'Demo data loaded.' : 'The database is not empty; nothing loaded.');
    await database.close();
    return 0;
  },
};

async function open() {
  const config = loadConfig();
  return openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
}

const [name = '', ...args] = process.argv.slice(2);
const command = commands[name];
if (!command) {
  console.error(`Usage: tsx packages/server/src/cli.ts <${Object.keys(commands).join('|')}>`);
  process.exit(64);
}
process.exit(await command(args));
