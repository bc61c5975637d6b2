import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

const strong = 'f3a9c1d27be84e6a90c5d1f2e7b8a4c6';

describe('configuration', () => {
  it('never loads the demo in production, and refuses to be told to', () => {
    expect(loadConfig({ NODE_ENV: 'production', LEITAI_SECRET: strong }).demo).toBe(false);
    expect(() => loadConfig({ NODE_ENV: 'production', LEITAI_SECRET: strong, LEITAI_DEMO: '1' })).toThrow(
      /LEITAI_DEMO=1 is refused in production/,
    );
    // Elsewhere the embedded database still gets the demo by default, and PostgreSQL only when asked.
    expect(loadConfig({ NODE_ENV: 'development' }).demo).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development', DATABASE_URL: 'postgres://x@h/db' }).demo).toBe(false);
  });

  it('lets only a non-production instance move its clock (LEITAI_TEST_CLOCK, for browser tests)', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).testClock).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test', LEITAI_TEST_CLOCK: '1' }).testClock).toBe(true);
    expect(() => loadConfig({ NODE_ENV: 'production', LEITAI_SECRET: strong, LEITAI_TEST_CLOCK: '1' })).toThrow(
      /LEITAI_TEST_CLOCK=1 is refused in production/,
    );
  });

  it('trusts a hop count or named balancers, never every forwarded address', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: 'anyone' })).toThrow(/TRUST_PROXY/);
  });
});
