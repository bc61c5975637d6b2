import { loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { DataFolderInUse } from './db/data-lock.js';
import { buildApp } from './app.js';
import { loggerOptions } from './http/log.js';
import { seedDemoIfEmpty } from './demo/index.js';
import { dailyJobs, startJobRunner } from './jobs/index.js';
import { configureAuditChain } from './modules/audit/index.js';

const config = loadConfig();
// Before the demo is seeded: its entries are chained with the configured key.
configureAuditChain({ hash: config.auditHash, key: config.auditKey, checkpointFile: config.auditCheckpointFile });
const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir }).catch((e: unknown) => {
  if (!(e instanceof DataFolderInUse)) throw e;
  console.error(e.message);
  process.exit(1);
});
// An application role that does not own its tables cannot migrate: the owner runs `npm run migrate` instead.
if (config.migrate) await database.migrate();
if (config.demo) {
  const seeded = await seedDemoIfEmpty(database.db, {
    today: new Date(),
    log: (line) => console.log(line),
    secret: config.secret,
  });
  if (seeded) console.log('Demo district loaded. Accounts are listed in README.md (password Leitai@2026).');
}
const app = await buildApp({
  config,
  database,
  logger: loggerOptions(config.logLevel, config.env === 'development' && process.stdout.isTTY),
});
await app.listen({ port: config.port, host: config.host });
startJobRunner(database.db, dailyJobs, {
  log: (m) => app.log.info(m),
  onError: (job, err) => app.log.error({ err }, `job ${job} failed`),
});
console.log(
  `Leitai is running at http://localhost:${config.port} (${database.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'})`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app
      .close()
      .then(() => database.close())
      .finally(() => process.exit(0));
  });
}
