import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chineseDate } from '@leitai/core';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { buildUnit, buildUser, loginAs, type Client } from '../../../test/factories.js';
import { readDocx } from '../../documents/index.js';
import { shanghaiDate } from '../../jobs/clock.js';

/** Bulletins in the official layout (GB/T 9704-2012): 版头 with the office's number, 落款, 版记. */
let t: TestApp;
let district: Client;
let street: Client;

beforeAll(async () => {
  t = await createTestApp();
  const { db } = t.database;
  const root = await buildUnit(db, { name: '城阳区' });
  const liuting = await buildUnit(db, { name: '流亭街道', parentId: root.id, isOffice: true });
  await buildUnit(db, { name: '区住建局', parentId: root.id });
  await buildUser(db, { unitId: root.id, roles: ['organiser'], username: 'doc_district' });
  await buildUser(db, { unitId: liuting.id, roles: ['organiser'], username: 'doc_street' });
  district = await loginAs(t.app, 'doc_district');
  street = await loginAs(t.app, 'doc_street');
});
afterAll(() => t.close());

async function bulletin(c: Client, period: string) {
  const res = await c.get(`/api/ledger/bulletin?period=${period}&format=docx`);
  expect(res.statusCode).toBe(200);
  return readDocx(res.rawPayload);
}

describe('official documents', () => {
  it('heads a bulletin with the office, its number and Chinese dates, and closes it with 落款 and 版记', async () => {
    const year = Number(shanghaiDate().slice(0, 4));
    const { paragraphs } = await bulletin(district, `${year}-01`);
    const today = chineseDate(shanghaiDate());
    expect(paragraphs.slice(0, 4)).toEqual([
      '城阳区绩效考核办公室文件',
      `城考办〔${year}〕1号`,
      `督查通报（${year}年1月）`,
      '各有关单位：',
    ]);
    expect(paragraphs.slice(-3)).toEqual(['城阳区绩效考核办公室', today, `城阳区绩效考核办公室${today}印发`]);
    // No ISO date anywhere in the text.
    expect(paragraphs.join('\n')).not.toMatch(/\d{4}-\d{2}/);
  });

  it('numbers per office and year: the same bulletin keeps its number, the next takes the next', async () => {
    const year = Number(shanghaiDate().slice(0, 4));
    expect((await bulletin(district, `${year}-01`)).paragraphs[1]).toBe(`城考办〔${year}〕1号`);
    expect((await bulletin(district, `${year}-02`)).paragraphs[1]).toBe(`城考办〔${year}〕2号`);
    // The street's office counts its own, and copies the office above (抄送).
    const street1 = await bulletin(street, `${year}-02`);
    expect(street1.paragraphs.slice(0, 2)).toEqual(['流亭街道绩效考核办公室文件', `流考办〔${year}〕1号`]);
    expect(street1.paragraphs).toContain('抄送：城阳区绩效考核办公室。');
    expect((await bulletin(district, `${year}-01`)).paragraphs[1]).toBe(`城考办〔${year}〕1号`);
  });

  it('never gives two downloads at once the same number', async () => {
    const year = Number(shanghaiDate().slice(0, 4));
    const numbers = await Promise.all(
      ['03', '04', '05', '06', '07', '08'].map(async (m) => (await bulletin(district, `${year}-${m}`)).paragraphs[1]),
    );
    expect(new Set(numbers).size).toBe(6);
    expect([...numbers].sort()).toEqual([3, 4, 5, 6, 7, 8].map((n) => `城考办〔${year}〕${n}号`).sort());
  });
});
