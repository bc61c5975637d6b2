import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { Writable } from 'node:stream';
import { createTestDatabase } from '../../test/harness.js';
import type { Database } from '../db/client.js';
import { loggerOptions, safeError } from './log.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const secret = '$argon2id$v=19$m=65536,t=3,p=4$c2VjcmV0';

async function failedQuery(): Promise<unknown> {
  try {
    await database.db.execute(sql`SELECT ${secret}::int AS n`);
  } catch (e) {
    return e;
  }
  throw new Error('the query should have failed');
}

describe('the server log', () => {
  it('keeps a failed query’s code and statement, never its parameters or quoted values', async () => {
    const err = await failedQuery();
    expect(String((err as Error).message)).toContain(secret); // what used to reach the log
    const safe = safeError(err);
    expect(JSON.stringify(safe)).not.toContain('c2VjcmV0');
    expect(safe).toMatchObject({ message: 'database query failed', code: '22P02' });
    expect(safe.statement).toMatch(/select \$1::int/i);
  });

  it('writes errors safely and redacts secret fields wherever they appear', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const log = pino(loggerOptions('info', false) as pino.LoggerOptions, sink);
    log.error({ err: await failedQuery(), body: { username: 'u', password: 'Hunter#2026' } }, 'unhandled error');
    const text = lines.join('');
    expect(text).not.toContain('c2VjcmV0');
    expect(text).not.toContain('Hunter#2026');
    expect(JSON.parse(text)).toMatchObject({ body: { username: 'u', password: '[redacted]' }, err: { code: '22P02' } });
  });
});
