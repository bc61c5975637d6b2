import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { initialHostState, type CadreRecord, type CadreView } from '@leitai/core';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { buildUnit, buildUser, loginAs, type Client } from '../../../test/factories.js';
import { auditLog } from '../../db/schema/index.js';
import { readDocx } from '../../documents/index.js';
import * as arena from '../arena/index.js';

/**
 * 干部名册 and 干部实绩档案 (issue 17): kept by the organisation department of a subtree, read by the street's
 * organiser for its own units only, the record opened by the department and the person, every opening audited.
 */
let t: TestApp;
let dept: Client; // 城阳区委组织部
let deptXihai: Client; // 西海岸新区 组织部
let streetOrg: Client; // 流亭街道's organiser
let secretary: Client; // a community secretary, with an account
let otherSecretary: Client;
let communityA: number;
let communityB: number;
let secretaryUser: number;

function multipart(name: string, content: Buffer) {
  const boundary = '----leitai-cadres';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

beforeAll(async () => {
  t = await createTestApp();
  const { db } = t.database;
  const city = await buildUnit(db, { name: '市' });
  const district = await buildUnit(db, { name: '城阳区', parentId: city.id, isOffice: true });
  const zzb = await buildUnit(db, { name: '区委组织部', parentId: district.id });
  const streetA = await buildUnit(db, { name: '流亭街道', parentId: district.id, isOffice: true, kind: 'township' });
  const streetB = await buildUnit(db, { name: '夏庄街道', parentId: district.id, isOffice: true, kind: 'township' });
  communityA = (await buildUnit(db, { name: '双埠社区', parentId: streetA.id, code: 'shuangbu' })).id;
  communityB = (await buildUnit(db, { name: '夏庄社区', parentId: streetB.id })).id;
  const xihai = await buildUnit(db, { name: '西海岸新区', parentId: city.id, isOffice: true });
  await buildUser(db, { unitId: zzb.id, roles: ['org_dept'], username: 'zzb' });
  await buildUser(db, { unitId: xihai.id, roles: ['org_dept'], username: 'zzb_xihai' });
  await buildUser(db, { unitId: streetA.id, roles: ['organiser'], username: 'org_liuting' });
  secretaryUser = (await buildUser(db, { unitId: communityA, roles: ['reporter'], username: 'sec_a' })).id;
  await buildUser(db, { unitId: communityB, roles: ['reporter'], username: 'sec_b' });
  [dept, deptXihai, streetOrg, secretary, otherSecretary] = (await Promise.all(
    ['zzb', 'zzb_xihai', 'org_liuting', 'sec_a', 'sec_b'].map((u) => loginAs(t.app, u)),
  )) as [Client, Client, Client, Client, Client];
});
afterAll(() => t.close());

const audits = (action: string, targetId: number) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.targetId, String(targetId))))
    .orderBy(auditLog.id);

let cadreA: number;
let cadreB: number;

describe('the cadre register', () => {
  it('is kept by the organisation department, every change audited with before and after', async () => {
    const made = await dept.post('/api/cadres', {
      name: '王建军',
      post: '社区党委书记',
      unitId: communityA,
      since: '2021-01-15',
      account: 'sec_a',
    });
    expect(made.statusCode).toBe(201);
    const a = made.json<CadreView>();
    expect(a).toMatchObject({
      unit: { name: '双埠社区' },
      account: { username: 'sec_a' },
      actions: { edit: true, record: true },
    });
    cadreA = a.id;
    cadreB = (
      await dept.post('/api/cadres', { name: '李红', post: '社区党委书记', unitId: communityB, since: '2020-03-01' })
    ).json<CadreView>().id;
    // One account is one person.
    const twice = await dept.post('/api/cadres', {
      name: '重复',
      post: '主任',
      unitId: communityB,
      since: '2020-03-01',
      account: 'sec_a',
    });
    expect(twice.statusCode).toBe(409);
    // A move to another post needs the new post's date; the old post stays in the history.
    expect((await dept.patch(`/api/cadres/${cadreB}`, { post: '社区居委会主任' })).json().error.message).toMatch(
      /新的任职时间/,
    );
    const moved = await dept.patch(`/api/cadres/${cadreB}`, { post: '社区居委会主任', since: '2024-06-01' });
    expect(moved.statusCode).toBe(200);
    const [entry] = await audits('cadre.update', cadreB);
    expect(entry).toMatchObject({
      before: { post: '社区党委书记' },
      after: { post: '社区居委会主任', since: '2024-06-01' },
    });
    expect(await audits('cadre.create', cadreA)).toHaveLength(1);
  });

  it('is imported from the template and exported', async () => {
    const tpl = new ExcelJS.Workbook();
    await tpl.xlsx.load((await dept.get('/api/cadres/template')).rawPayload as unknown as ArrayBuffer);
    const ws = tpl.worksheets[0]!;
    ws.getRow(2).values = ['赵志刚', '社区党委副书记', 'shuangbu', '2022-05-10', ''];
    ws.getRow(3).values = ['钱多', '主任', 'nowhere', '2022-13-10', 'nobody'];
    const bad = await dept.request({
      method: 'POST',
      url: '/api/cadres/import',
      ...multipart('干部.xlsx', Buffer.from(await tpl.xlsx.writeBuffer())),
    });
    expect(bad.statusCode).toBe(422);
    expect(
      bad
        .json()
        .error.details.errors.map((e: { column: string }) => e.column)
        .sort(),
    ).toEqual(['任职时间', '单位编码', '账号']);
    ws.spliceRows(3, 1);
    const ok = await dept.request({
      method: 'POST',
      url: '/api/cadres/import',
      ...multipart('干部.xlsx', Buffer.from(await tpl.xlsx.writeBuffer())),
    });
    expect(ok.json()).toEqual({ created: 1 });
    const out = new ExcelJS.Workbook();
    await out.xlsx.load((await dept.get('/api/cadres/export')).rawPayload as unknown as ArrayBuffer);
    const names = out.worksheets[0]!.getColumn(1).values.slice(2);
    expect(names).toEqual(expect.arrayContaining(['王建军', '李红', '赵志刚']));
  });

  it('shows a street organiser its own street’s cadres only, and another district’s department nothing', async () => {
    const street = (await streetOrg.get('/api/cadres')).json<{ items: CadreView[] }>().items;
    expect(street.map((c) => c.name).sort()).toEqual(['王建军', '赵志刚']);
    expect(street.every((c) => !c.actions.edit && !c.actions.record)).toBe(true);
    expect(
      (await streetOrg.post('/api/cadres', { name: '新', post: '书记', unitId: communityA, since: '2026-01-01' }))
        .statusCode,
    ).toBe(403);
    expect((await deptXihai.get('/api/cadres')).json().items).toEqual([]);
    expect((await deptXihai.patch(`/api/cadres/${cadreA}`, { name: '改名' })).statusCode).toBe(404);
    expect((await deptXihai.get(`/api/cadres/${cadreA}/record`)).statusCode).toBe(404);
    expect((await streetOrg.get(`/api/cadres/${cadreB}/record`)).statusCode).toBe(404);
    expect((await streetOrg.get(`/api/cadres/${cadreA}/record`)).statusCode).toBe(404);
  });
});

describe('the record (干部实绩档案)', () => {
  let arenaId = 0;
  it('shows the arena a person stood in and the promise made there', async () => {
    const made = await streetOrg.post('/api/arenas', {
      title: '流亭街道11月书记擂台',
      kind: 'secretary',
      heldOn: '2026-11-26',
      criteria: [
        { id: '抓党建', max: 30 },
        { id: '促发展', max: 30 },
        { id: '惠民生', max: 25 },
        { id: '现场表现', max: 15 },
      ],
      groups: [{ id: '领导评委', weight: 1 }],
      contestants: [{ kind: 'person', cadreId: cadreA }],
      judges: [{ name: '评委甲', groupId: '领导评委' }],
    });
    expect(made.statusCode).toBe(201);
    arenaId = made.json<{ id: number }>().id;
    // Another street's cadre cannot be put on this street's stage.
    const foreign = await streetOrg.post('/api/arenas', {
      title: '越界',
      heldOn: '2026-11-26',
      groups: [{ id: '领导评委', weight: 1 }],
      contestants: [{ kind: 'person', cadreId: cadreB }],
      judges: [{ name: '评委甲', groupId: '领导评委' }],
    });
    expect(foreign.statusCode).toBe(403);
    const detail = (await streetOrg.get(`/api/arenas/${arenaId}`)).json();
    expect(detail).toMatchObject({ kind: 'secretary', kindLabel: '书记擂台' });
    expect(detail.contestants[0]).toMatchObject({
      kind: 'person',
      cadreId: cadreA,
      presenter: '王建军',
      unitName: '双埠社区',
    });
    const [c] = await arena.contestantsOf(t.database.db, arenaId);
    await arena.saveState(
      t.database.db,
      arenaId,
      { ...initialHostState([String(c!.id)]), status: 'finished' },
      {
        finishedAt: new Date(),
      },
    );
    const promise = await streetOrg.post(`/api/arenas/${arenaId}/commitments`, {
      contestantId: c!.id,
      title: '年底前完成双埠社区老旧小区改造',
      deadline: '2026-12-31',
    });
    expect(promise.statusCode).toBe(201);

    const record = await dept.get(`/api/cadres/${cadreA}/record`);
    expect(record.statusCode).toBe(200);
    const r = record.json<CadreRecord>();
    expect(r.arenas).toMatchObject([
      {
        arenaId,
        title: '流亭街道11月书记擂台',
        kindLabel: '书记擂台',
        as: 'person',
        source: { kind: 'arena', id: arenaId },
      },
    ]);
    expect(r.promises).toMatchObject([
      { title: '年底前完成双埠社区老旧小区改造', arenaTitle: '流亭街道11月书记擂台', source: { kind: 'ledger_item' } },
    ]);
    expect(r.posts).toMatchObject([{ unitName: '双埠社区', post: '社区党委书记', until: null }]);
    expect(r.led.onTime.due).toBe(0);
  });

  it('is read by the person themself, and by nobody else without the department', async () => {
    expect((await secretary.get('/api/cadres/mine')).json()).toEqual({ id: cadreA });
    expect((await secretary.get(`/api/cadres/${cadreA}/record`)).statusCode).toBe(200);
    expect((await secretary.get(`/api/cadres/${cadreB}/record`)).statusCode).toBe(404);
    expect((await otherSecretary.get('/api/cadres/mine')).json()).toEqual({ id: null });
    expect((await otherSecretary.get(`/api/cadres/${cadreA}/record`)).statusCode).toBe(404);
  });

  it('logs every opening, by whom', async () => {
    const reads = await audits('cadre.record.read', cadreA);
    expect(reads.map((e) => e.actorId)).toContain(secretaryUser);
    expect(reads.length).toBeGreaterThanOrEqual(2);
    expect(reads[0]!.after).toMatchObject({ name: '王建军', arenas: 1, promises: 1 });
  });

  it('records a 容错免责 decision by the department only, audited; the record shows it with its item', async () => {
    const before = (await dept.get(`/api/cadres/${cadreA}/record`)).json<CadreRecord>();
    expect([before.exemptions, before.actions, before.notes.some((n) => n.includes('容错'))]).toEqual([
      [],
      { exempt: true },
      false,
    ]);
    // The person reads her record but may not record a decision on herself.
    expect((await secretary.get(`/api/cadres/${cadreA}/record`)).json<CadreRecord>().actions).toEqual({
      exempt: false,
    });
    const item = before.promises[0]!.itemId;
    const decision = {
      matter: '老旧小区改造工期延误',
      decision: 'exempted',
      basis: '《城阳区容错纠错实施办法》第五条',
      decidedBy: '区纪委监委',
      decidedOn: '2026-11-20',
      itemId: item,
    };
    expect((await secretary.post(`/api/cadres/${cadreA}/exemptions`, decision)).statusCode).toBe(403);
    expect((await deptXihai.post(`/api/cadres/${cadreA}/exemptions`, decision)).statusCode).toBe(404);
    const bad = await dept.post(`/api/cadres/${cadreA}/exemptions`, { ...decision, decision: 'forgiven', basis: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { message: string } }>().error.message).toMatch(/依据不能为空|请选择决定/);
    const noItem = await dept.post(`/api/cadres/${cadreA}/exemptions`, { ...decision, itemId: 999999 });
    expect([noItem.statusCode, noItem.json<{ error: { message: string } }>().error.message]).toEqual([
      400,
      '督办事项 999999 不存在',
    ]);
    expect((await dept.post(`/api/cadres/${cadreA}/exemptions`, decision)).statusCode).toBe(201);
    const r = (await secretary.get(`/api/cadres/${cadreA}/record`)).json<CadreRecord>();
    expect(r.exemptions).toEqual([
      {
        id: expect.any(Number),
        decidedOn: '2026-11-20',
        matter: '老旧小区改造工期延误',
        decision: 'exempted',
        decisionLabel: '予以容错免责',
        basis: '《城阳区容错纠错实施办法》第五条',
        decidedBy: '区纪委监委',
        source: { kind: 'ledger_item', id: item },
      },
    ]);
    const [entry] = await audits('cadre.exemption', cadreA);
    expect(entry!.after).toMatchObject({ matter: '老旧小区改造工期延误', decision: 'exempted', itemId: item });
  });

  it('prints as a Word dossier in the office’s layout, audited too', async () => {
    const res = await dept.get(`/api/cadres/${cadreA}/record.docx`);
    expect(res.statusCode).toBe(200);
    const doc = await readDocx(res.rawPayload);
    const text = [...doc.paragraphs, ...doc.tables.flat(2)].join('\n');
    expect(text).toContain('王建军同志实绩档案');
    expect(text).toContain('流亭街道11月书记擂台');
    expect(text).toContain('年底前完成双埠社区老旧小区改造');
    expect(text).toContain('六、容错免责');
    expect(text).toContain('2026年11月20日');
    expect(text).toContain('予以容错免责');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(text).toMatch(/〔\d{4}〕\d+号/);
    expect(await audits('cadre.record.export', cadreA)).toHaveLength(1);
  });
});
