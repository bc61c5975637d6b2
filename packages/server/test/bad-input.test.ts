import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { arenas, auditLog, ledgerItems } from '../src/db/schema/index.js';
import { createTestApp, type TestApp } from './harness.js';
import { buildUnit, buildUser, loginAs, type Client } from './factories.js';

// Bad input that once gave a server error: each must be a 400 with a message a person understands, and write nothing.
let t: TestApp;
let org: Client;
let sys: Client;
let unitId: number;
beforeAll(async () => {
  t = await createTestApp();
  const { db } = t.database;
  const root = await buildUnit(db, { name: '区' });
  unitId = (await buildUnit(db, { parentId: root.id, name: '甲局' })).id;
  await buildUser(db, { unitId: root.id, roles: ['organiser'], username: 'org' });
  await buildUser(db, { unitId: root.id, roles: ['sysadmin'], username: 'sys' });
  [org, sys] = await Promise.all([loginAs(t.app, 'org'), loginAs(t.app, 'sys')]);
});
afterAll(() => t.close());

const rows = async () => {
  const { db } = t.database;
  const [[a], [l], [e]] = await Promise.all([
    db.select({ n: count() }).from(arenas),
    db.select({ n: count() }).from(ledgerItems),
    db.select({ n: count() }).from(auditLog),
  ]);
  return [a!.n, l!.n, e!.n];
};

describe('bad input is refused with a message, never a server error', () => {
  it('an empty PATCH names the mistake', async () => {
    const before = await rows();
    for (const [client, url] of [
      [sys, `/api/units/${unitId}`],
      [sys, '/api/users/1'],
    ] as const) {
      const res = await client.patch(url, {});
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.message, url).toContain('没有要修改的内容');
    }
    expect(await rows()).toEqual(before);
  });

  it('dates that do not exist are refused', async () => {
    const before = await rows();
    const item = await org.post('/api/ledger/items', {
      title: '不存在的期限',
      source: '督查发现',
      leadUnitId: unitId,
      deadline: '9999-99-99',
    });
    expect(item.statusCode).toBe(400);
    expect(item.json().error.message).toContain('“9999-99-99”不存在');
    const arena = await org.post('/api/arenas', {
      title: '二月三十日的擂台',
      heldOn: '2026-02-30',
      speakingSeconds: 300,
      groups: [{ id: '评委', weight: 1 }],
      contestants: [{ unitId, presenter: '' }],
      judges: [{ name: '评委一', groupId: '评委', unitId: null }],
    });
    expect(arena.statusCode).toBe(400);
    expect(arena.json().error.message).toContain('“2026-02-30”不存在');
    expect(await rows()).toEqual(before);
  });

  it('a multipart upload without a boundary', async () => {
    const res = await org.request({
      method: 'POST',
      url: '/api/files',
      headers: { 'content-type': 'multipart/form-data' },
      payload: 'no boundary here',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('表单格式不正确');
  });
});
