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
