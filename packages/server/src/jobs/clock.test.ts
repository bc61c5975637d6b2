import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { DEFAULT_TIME_ZONE, localDate, localNow, setTimeZone } from './clock.js';

afterEach(() => setTimeZone(DEFAULT_TIME_ZONE));

describe('the local clock', () => {
  it('reads dates in Asia/Shanghai by default, whatever the server zone', () => {
    expect(localDate(new Date('2026-09-29T20:00:00Z'))).toBe('2026-09-30');
    expect(localNow(new Date('2026-09-29T15:59:00Z'))).toEqual({ date: '2026-09-29', hour: 23 });
  });
  it('follows LEITAI_TIME_ZONE, and refuses a zone that does not exist', () => {
    loadConfig({ LEITAI_TIME_ZONE: 'UTC' });
    expect(localDate(new Date('2026-09-29T20:00:00Z'))).toBe('2026-09-29');
    expect(() => loadConfig({ LEITAI_TIME_ZONE: 'Mars/Olympus' })).toThrow('LEITAI_TIME_ZONE');
  });
});
