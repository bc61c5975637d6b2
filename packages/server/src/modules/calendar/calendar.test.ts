import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { buildUnit, buildUser, loginAs } from '../../../test/factories.js';
import { CN_2026 } from './cn-holidays.js';
import { loadCalendar } from './service.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const unit = await buildUnit(t.database.db);
  await buildUser(t.database.db, { unitId: unit.id, roles: ['organiser'], username: 'org' });
  await buildUser(t.database.db, { unitId: unit.id, roles: ['reporter'], username: 'rep' });
});
afterAll(() => t.close());

describe('working-day calendar', () => {
  it('counts only weekends as days off until a year is imported', async () => {
    expect((await loadCalendar(t.database.db)).addWorkingDays('2026-09-30', 5)).toBe('2026-10-07');
  });

  it('is set by the organiser, validated by core, audited, and then used', async () => {
    const org = await loginAs(t.app, 'org');
    const bad = await org.put('/api/calendar', { holidays: ['2026-10-01'], workingWeekends: ['2026-10-01'] });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.message).toContain('2026-10-01 不是周末');
    const ok = await org.put('/api/calendar', CN_2026);
    expect(ok.statusCode).toBe(200);
    expect((await loadCalendar(t.database.db)).addWorkingDays('2026-09-30', 5)).toBe('2026-10-13');
    expect((await org.get('/api/calendar')).json().workingWeekends).toContain('2026-10-10');
  });

  it('is readable by everyone and writable by nobody else', async () => {
    const rep = await loginAs(t.app, 'rep');
    expect((await rep.get('/api/calendar')).statusCode).toBe(200);
    expect((await rep.put('/api/calendar', CN_2026)).statusCode).toBe(403);
  });
});
