import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { buildApp, hashPassword, loadConfig, openDatabase, type Database } from '@leitai/server';

export const BENCH_USER = 'bench.organiser';
export const BENCH_PASSWORD = 'Bench@2026pass';

/**
 * The built web app served on an in-memory PGlite for the browser benches: one district that is its own office,
 * named `unitName`, with its organiser (王考核). `routes` adds the bench's baseline routes before the app is ready.
 */
export async function servedApp(
  unitName: string,
  routes: (app: FastifyInstance) => void,
): Promise<{ app: FastifyInstance; database: Database; origin: string }> {
  const database = await openDatabase({ dataDir: 'memory://' });
  await database.migrate();
  const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), database });
  routes(app);
  await app.ready();
  await database.db.execute(sql`
    WITH u AS (INSERT INTO units (code, name, kind, path, is_office) VALUES ('bench', ${unitName}, 'district', '', true) RETURNING id)
    INSERT INTO users (username, display_name, unit_id, roles, password_hash, must_change_password)
    SELECT ${BENCH_USER}, '王考核', id, '{organiser}', ${await hashPassword(BENCH_PASSWORD)}, false FROM u`);
  await database.db.execute(sql`UPDATE units SET path = '/' || id || '/'`);
  return { app, database, origin: await app.listen({ host: '127.0.0.1', port: 0 }) };
}
