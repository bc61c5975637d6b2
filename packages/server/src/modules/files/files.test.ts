import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { buildUnit, buildUser, loginAs, type Client } from '../../../test/factories.js';
import { claimFiles } from './service.js';

let t: TestApp;
let a: Client;
let b: Client;
let org: Client;
let userA: { id: number; unitId: number };
let unitAPath: string;
beforeAll(async () => {
  t = await createTestApp();
  const { db } = t.database;
  const root = await buildUnit(db, { name: '区' });
  const ua = await buildUnit(db, { parentId: root.id, name: '甲局' });
  const ub = await buildUnit(db, { parentId: root.id, name: '乙局' });
  unitAPath = ua.path;
  userA = await buildUser(db, { unitId: ua.id, roles: ['reporter'], username: 'ra' });
  await buildUser(db, { unitId: ub.id, roles: ['reporter'], username: 'rb' });
  await buildUser(db, { unitId: root.id, roles: ['organiser'], username: 'org' });
  [a, b, org] = await Promise.all([loginAs(t.app, 'ra'), loginAs(t.app, 'rb'), loginAs(t.app, 'org')]);
});
afterAll(() => t.close());

function multipart(name: string, content: string, type = 'application/pdf') {
  const boundary = '----leitai';
  const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n${content}\r\n--${boundary}--\r\n`;
  return { payload: Buffer.from(payload), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('files', () => {
  it('stores an upload and gives it back to its unit, not to another unit', async () => {
    const up = await a.request({
      method: 'POST',
      url: '/api/files',
      ...multipart('整改报告.pdf', '%PDF-1.4 evidence'),
    });
    expect(up.statusCode).toBe(200);
    const { id, name, size } = up.json();
    expect({ name, size }).toEqual({ name: '整改报告.pdf', size: 17 });
    const mine = await a.get(`/api/files/${id}`);
    expect(mine.body).toBe('%PDF-1.4 evidence');
    expect(mine.headers['content-disposition']).toContain("filename*=UTF-8''%E6%95%B4");
    expect((await org.get(`/api/files/${id}`)).statusCode).toBe(200);
    expect((await b.get(`/api/files/${id}`)).statusCode).toBe(404);
  });

  it('serves a download with the type of its extension, never the one the uploader claimed, sandboxed', async () => {
    const up = await a.request({
      method: 'POST',
      url: '/api/files',
      ...multipart('说明.txt', '<script>alert(1)</script>', 'text/html'),
    });
    const got = await a.get(`/api/files/${up.json().id}`);
    expect(got.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(got.headers['content-security-policy']).toBe('sandbox');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
  });

  it('keeps the admins out of evidence: the system admin may read units, not their files, and uploads none', async () => {
    const { db } = t.database;
    await buildUser(db, { unitId: userA.unitId, roles: ['sysadmin'], username: 'sys' });
    const sys = await loginAs(t.app, 'sys');
    const { id } = (
      await a.request({ method: 'POST', url: '/api/files', ...multipart('佐证.pdf', '%PDF evidence') })
    ).json();
    expect((await sys.get(`/api/units/${userA.unitId}`)).statusCode).toBe(200);
    expect((await sys.get(`/api/files/${id}`)).statusCode).toBe(404);
    expect(
      (await sys.request({ method: 'POST', url: '/api/files', ...multipart('系统说明.pdf', '%PDF own') })).statusCode,
    ).toBe(403);
  });

  it('refuses executables and empty files with a message', async () => {
    const exe = await a.request({ method: 'POST', url: '/api/files', ...multipart('run.exe', 'MZ') });
    expect(exe.statusCode).toBe(400);
    expect(exe.json().error.message).toContain('不支持的文件类型');
    const empty = await a.request({ method: 'POST', url: '/api/files', ...multipart('a.pdf', '') });
    expect(empty.json().error.message).toBe('文件是空的');
  });

  it('lets a record claim only files its actor uploaded, once', async () => {
    const { id } = (await a.request({ method: 'POST', url: '/api/files', ...multipart('照片.jpg', 'jpeg') })).json();
    const { db } = t.database;
    const actorA = {
      userId: userA.id,
      unitId: userA.unitId,
      unitPath: unitAPath,
      roles: ['reporter' as const],
      overseenUnitPaths: [],
      office: null,
    };
    const actorB = { ...actorA, userId: userA.id + 1 };
    await expect(
      claimFiles(db, actorB, [id], { ownerType: 'report', ownerId: 1, unitId: userA.unitId }),
    ).rejects.toThrow(/不是你上传的/);
    expect(await claimFiles(db, actorA, [id], { ownerType: 'report', ownerId: 1, unitId: userA.unitId })).toHaveLength(
      1,
    );
    await expect(
      claimFiles(db, actorA, [id], { ownerType: 'report', ownerId: 2, unitId: userA.unitId }),
    ).rejects.toThrow(/已被使用/);
  });
});
