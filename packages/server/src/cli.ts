import { writeFile } from 'node:fs/promises';
import { buildApp } from './app.js';
import { loadConfig, type Config } from './config.js';
import { backup, restore } from './backup/index.js';
import { openDatabase } from './db/client.js';
import { DataFolderInUse } from './db/data-lock.js';
import { CLUSTER_FILE, makeClusterFile } from './db/cluster.js';
import type { AuditVerifyResult } from '@leitai/core';
import { configureAuditChain, sealAll, verifyAuditChain } from './modules/audit/index.js';
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
    // Entries committed before a crash and not yet chained are chained now, as the server would on start.
    await sealAll(database.db);
    const result = await verifyAuditChain(database.db);
    await database.close();
    if (result.ok) {
      console.log(`Audit chain intact: ${result.checked} entries and ${result.checkpoints} checkpoints checked.`);
      return 0;
    }
    console.error(describeBreaks(result));
    return 2;
  },
  /** Makes the shipped empty PGlite cluster again (after a PGlite upgrade). */
  async 'db:cluster'() {
    await makeClusterFile();
    console.log(`Empty cluster written to ${CLUSTER_FILE}.`);
    return 0;
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
  async backup([file]) {
    const config = loadConfig();
    const target = backupTarget(config);
    const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
    const out = file ?? `leitai-backup-${stamp}.${'url' in target ? 'dump' : 'tar.gz'}`;
    const { bytes } = await backup(target, out);
    console.log(`Backup written to ${out} (${(bytes / 1024 / 1024).toFixed(1)} MB).`);
    return 0;
  },
  async restore([file]) {
    if (!file) {
      console.error('Usage: npm run restore -- <backup file>');
      return 64;
    }
    const config = loadConfig();
    await restore(backupTarget(config), file);
    const database = await open();
    // Entries committed before a crash and not yet chained are chained now, as the server would on start.
    await sealAll(database.db);
    const result = await verifyAuditChain(database.db);
    await database.close();
    if (!result.ok) {
      console.error(`Restored, but ${describeBreaks(result)}`);
      return 2;
    }
    console.log(`Restored from ${file}; audit chain intact (${result.checked} entries checked).`);
    return 0;
  },
  async 'demo:seed'() {
    const database = await open();
    await database.migrate();
    const seeded = await seedDemoIfEmpty(database.db, {
      today: new Date(),
      log: console.log,
      secret: loadConfig().secret,
    });
    console.log(seeded ? 'Demo data loaded.' : 'The database is not empty; nothing loaded.');
    await database.close();
    return 0;
  },
};

const backupTarget = (config: Config) =>
  config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir };

/** Every break, one per line: one damaged entry must not hide the others. */
function describeBreaks(result: Extract<AuditVerifyResult, { ok: false }>): string {
  const lines = result.breaks.map((b) =>
    b.reason === 'forged_checkpoint'
      ? `  checkpoint file line ${b.seq}: forged_checkpoint`
      : `  entry ${b.seq}: ${b.reason}`,
  );
  const more =
    result.brokenCount > result.breaks.length ? [`  … and ${result.brokenCount - result.breaks.length} more`] : [];
  return [`Audit chain BROKEN: ${result.brokenCount} problems in ${result.checked} entries.`, ...lines, ...more].join(
    '\n',
  );
}

async function open() {
  const config = loadConfig();
  configureAuditChain({ hash: config.auditHash, key: config.auditKey, checkpointFile: config.auditCheckpointFile });
  return openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
}

const [name = '', ...args] = process.argv.slice(2);
const command = commands[name];
if (!command) {
  console.error(`Usage: tsx packages/server/src/cli.ts <${Object.keys(commands).join('|')}>`);
  process.exit(64);
}
try {
  process.exit(await command(args));
} catch (e) {
  if (!(e instanceof DataFolderInUse)) throw e;
  console.error(e.message);
  process.exit(75); // EX_TEMPFAIL: try again once the server is stopped
}
