import { afterAll, beforeAll, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { buildUnit, buildUser, loginAs } from '../../../test/factories.js';
import { ratings } from '../../db/schema/index.js';

/**
 * "Once per device, point and period" is the database's promise, not the code's: ten thousand copies of
 * one submission arriving together (each from its own address, so no rate limit stops them first) leave
 * exactly one row, and every other copy gets the same clear 409.
 */
let t: TestApp;
let code = '';
beforeAll(async () => {
  t = await createTestApp();
  const unit = await buildUnit(t.database.db, { name: '区政务服务大厅' });
  await buildUser(t.database.db, { unitId: unit.id, roles: ['organiser'], username: 'org' });
  const org = await loginAs(t.app, 'org');
  await org.post('/api/ratings/points', { unitId: unit.id, points: [{ name: '1号窗口', kind: 'window' }] });
  code = (await org.get('/api/ratings/points')).json<{ points: { code: string }[] }>().points[0]!.code;
});
afterAll(() => t.close());

it('10,000 concurrent duplicates from one device make one row', async () => {
  const token = (await t.app.inject({ method: 'POST', url: '/api/public/device' })).json<{ token: string }>().token;
  const N = 10_000;
  const answers = await Promise.all(
    Array.from({ length: N }, (_, i) =>
      t.app.inject({
        method: 'POST',
        url: `/api/public/points/${code}/ratings`,
        payload: { stars: 5, tags: ['办事效率'] },
        headers: { 'x-device-token': token },
        remoteAddress: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      }),
    ),
  );
  const statuses = new Map<number, number>();
  for (const a of answers) statuses.set(a.statusCode, (statuses.get(a.statusCode) ?? 0) + 1);
  expect(Object.fromEntries(statuses)).toEqual({ 200: 1, 409: N - 1 });
  expect(answers.find((a) => a.statusCode === 409)!.json().error.message).toMatch(/已经评价过这个评价点/);
  expect((await t.database.db.select({ n: count() }).from(ratings))[0]!.n).toBe(1);
}, 600_000);
