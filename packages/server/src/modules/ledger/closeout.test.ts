import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { dayNumber, fromDayNumber } from '@leitai/core';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { buildUnit, buildUser, loginAs, type Client } from '../../../test/factories.js';
import { auditLog } from '../../db/schema/index.js';
import { shanghaiDate } from '../../jobs/clock.js';
import { closeConfirmTodos } from './index.js';

// 销号 with unfinished steps (flagged or refused), the verifier's note, and the head's confirmation.
let t: TestApp;
let org: Client, ra: Client, ha: Client, hb: Client;
let ua: { id: number; path: string };
let headId: number;
const today = shanghaiDate();
const plus = (n: number) => fromDayNumber(dayNumber(today) + n);
const act = (c: Client, id: number, body: object) => c.post(`/api/ledger/items/${id}/actions`, body);
const detail = async (c: Client, id: number) => (await c.get(`/api/ledger/items/${id}`)).json();
const boundary = '----leitai';
const upload = async (c: Client) =>
  (
    await c.request({
      method: 'POST',
      url: '/api/files',
      payload: Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="验收.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF\r\n--${boundary}--\r\n`,
      ),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    })
  ).json<{ id: number }>().id;
const requestClose = async (c: Client, id: number) =>
  act(c, id, { action: 'request_close', text: '已完成整改并通过验收', fileIds: [await upload(c)] });

async function itemWithSteps(): Promise<number> {
  const res = await org.post('/api/ledger/items', {
    title: '背街小巷整治',
    source: '会议决定',
    leadUnitId: ua.id,
    deadline: plus(30),
    steps: [
      { title: '方案制定', deadline: plus(10) },
      { title: '施工验收', deadline: plus(25) },
    ],
  });
  expect(res.statusCode, res.body).toBe(200);
  const id = res.json<{ id: number }>().id;
  expect((await act(ra, id, { action: 'acknowledge' })).statusCode).toBe(200);
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  const { db } = t.database;
  const root = await buildUnit(db, { name: '城阳区' });
  ua = await buildUnit(db, { parentId: root.id, name: '区住建局' });
  const ub = await buildUnit(db, { parentId: root.id, name: '区城管局' });
  await buildUser(db, { unitId: root.id, roles: ['organiser'], username: 'org' });
  await buildUser(db, { unitId: ua.id, roles: ['reporter'], username: 'ra' });
  headId = (await buildUser(db, { unitId: ua.id, roles: ['unit_head'], username: 'ha' })).id;
  await buildUser(db, { unitId: ub.id, roles: ['unit_head'], username: 'hb' });
  [org, ra, ha, hb] = await Promise.all([
    loginAs(t.app, 'org'),
    loginAs(t.app, 'ra'),
    loginAs(t.app, 'ha'),
    loginAs(t.app, 'hb'),
  ]);
});
afterAll(() => t.close());

describe('close-out with unfinished steps', () => {
  it('is flagged to the verifier by default, who may add a note (kept, audited)', async () => {
    const id = await itemWithSteps();
    expect((await requestClose(ra, id)).statusCode).toBe(200);
    const seen = await detail(org, id);
    expect(seen.state).toBe('close_requested');
    expect(seen.closeOutFlag).toBe('申请销号时尚有 2 个节点未完成，请核查');
    expect(seen.actions).toEqual(expect.arrayContaining(['comment', 'close', 'return']));
    const bell = JSON.stringify((await org.get('/api/notifications')).json());
    expect(bell).toContain('尚有 2 个节点未完成');
    // The note: too short is a 400, a unit cannot write one, the office's is kept.
    expect((await act(org, id, { action: 'comment', text: '好' })).statusCode).toBe(400);
    expect((await act(ra, id, { action: 'comment', text: '自己写的意见' })).statusCode).toBe(403);
    expect((await act(org, id, { action: 'comment', text: '施工验收节点未完成，请说明' })).statusCode).toBe(200);
    const after = await detail(ra, id);
    expect(after.events.at(-1)).toMatchObject({ kind: 'comment', text: '施工验收节点未完成，请说明' });
    const [entry] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'ledger.comment'));
    expect(entry).toMatchObject({ before: { state: 'close_requested' }, after: { state: 'close_requested' } });
  });

  it('is refused where the office chose so; the setting is audited', async () => {
    expect((await org.put('/api/ledger/settings', { yellowDays: 3, unfinishedSteps: 'never' })).statusCode).toBe(400);
    expect((await ra.put('/api/ledger/settings', { yellowDays: 3, unfinishedSteps: 'refuse' })).statusCode).toBe(403);
    const saved = await org.put('/api/ledger/settings', { yellowDays: 3, unfinishedSteps: 'refuse' });
    expect(saved.json()).toMatchObject({ unfinishedSteps: 'refuse', headConfirmsClose: false });
    const [change] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'settings.update'));
    expect(change).toMatchObject({ after: { unfinishedSteps: 'refuse' } });
    const id = await itemWithSteps();
    const refused = await requestClose(ra, id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch('尚有 2 个节点未完成');
    expect((await detail(ra, id)).state).toBe('acknowledged');
    for (const s of (await detail(ra, id)).steps as { id: number }[])
      expect((await act(ra, id, { action: 'complete_step', stepId: s.id })).statusCode).toBe(200);
    expect((await requestClose(ra, id)).statusCode).toBe(200);
    expect((await detail(org, id)).closeOutFlag).toBeNull();
  });

  it('waits for the unit head where the office asks for it; another unit’s head cannot confirm', async () => {
    await org.put('/api/ledger/settings', { yellowDays: 3, unfinishedSteps: 'flag', headConfirmsClose: true });
    const id = await itemWithSteps();
    expect((await requestClose(ra, id)).statusCode).toBe(200);
    expect((await detail(ra, id)).state).toBe('close_confirming');
    expect((await detail(org, id)).actions).not.toContain('close');
    expect((await act(org, id, { action: 'close', text: '' })).statusCode).toBe(409);
    expect(JSON.stringify((await ha.get('/api/notifications')).json())).toContain('待负责人确认销号：背街小巷整治');
    const todos = await closeConfirmTodos(
      t.database.db,
      { userId: headId, unitId: ua.id, unitPath: ua.path, roles: ['unit_head'], overseenUnitPaths: [], office: null },
      today,
    );
    expect(todos.map((x) => x.itemId)).toEqual([id]);
    // The head's 工作台 holds it; the other unit's head's does not.
    const confirming = async (c: typeof ha) =>
      (await c.get('/api/todos'))
        .json<{ groups: { kind: string; entries: { link: string }[] }[] }>()
        .groups.find((g) => g.kind === 'ledger.close_confirming');
    expect((await confirming(ha))?.entries.map((e) => e.link)).toEqual([`/ledger/items/${id}`]);
    expect(await confirming(hb)).toBeUndefined();
    expect((await act(hb, id, { action: 'confirm_close', text: '' })).statusCode).toBe(404);
    expect((await act(ra, id, { action: 'confirm_close', text: '' })).statusCode).toBe(403);
    expect((await act(ha, id, { action: 'confirm_close', text: '' })).statusCode).toBe(200);
    expect((await detail(org, id)).state).toBe('close_requested');
    // A head's own request needs no second signature.
    const own = await itemWithSteps();
    expect((await requestClose(ha, own)).statusCode).toBe(200);
    expect((await detail(ha, own)).state).toBe('close_requested');
    await org.put('/api/ledger/settings', { yellowDays: 3 });
  });
});
