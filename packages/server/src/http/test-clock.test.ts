import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { localDate, setTestToday } from '../jobs/clock.js';

let withClock: TestApp;
let without: TestApp;
beforeAll(async () => {
  [withClock, without] = await Promise.all([createTestApp({ testClock: true }), createTestApp()]);
});
afterAll(async () => {
  setTestToday(null);
  await Promise.all([withClock.close(), without.close()]);
});

describe('the test clock (LEITAI_TEST_CLOCK)', () => {
  it('moves the date every request reads, and back to the real one', async () => {
    const real = localDate(new Date());
    const moved = await withClock.app.inject({
      method: 'PUT',
      url: '/api/test/clock',
      payload: { today: '2030-01-02' },
    });
    expect(moved.json()).toEqual({ today: '2030-01-02' });
    expect(localDate()).toBe('2030-01-02');
    // The real clock is still there for whoever asks for it explicitly (the daily jobs).
    expect(localDate(new Date())).toBe(real);
    const bad = await withClock.app.inject({ method: 'PUT', url: '/api/test/clock', payload: { today: '2030-02-30' } });
    expect(bad.statusCode).toBe(400);
    const back = await withClock.app.inject({ method: 'PUT', url: '/api/test/clock', payload: { today: null } });
    expect(back.json()).toEqual({ today: real });
  });

  it('does not exist without the flag', async () => {
    const res = await without.app.inject({ method: 'PUT', url: '/api/test/clock', payload: { today: '2030-01-02' } });
    expect(res.statusCode).toBe(404);
    expect(localDate()).toBe(localDate(new Date()));
  });
});
