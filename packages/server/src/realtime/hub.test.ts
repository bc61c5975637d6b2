import { describe, expect, it } from 'vitest';
import { RealtimeHub } from './hub.js';

describe('RealtimeHub', () => {
  it('loads a topic once per burst of notifications and fans it out to every subscriber', async () => {
    let loads = 0;
    let release: () => void = () => undefined;
    const hub = new RealtimeHub(
      async () => async () => undefined,
      async (topic) => {
        loads += 1;
        await new Promise<void>((r) => (release = r));
        return { event: 'state', data: { topic, loads } };
      },
      { minIntervalMs: 0 },
    );
    const frames: string[][] = [[], [], []];
    frames.forEach((f) => hub.subscribe('arena:1', { write: (x) => f.push(x), close: () => undefined }));
    hub.changed('arena:1');
    hub.changed('arena:1');
    hub.changed('arena:1');
    hub.changed('arena:2'); // nobody listens: no load
    release();
    await new Promise((r) => setTimeout(r, 0));
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(loads).toBe(2);
    for (const f of frames)
      expect(f).toEqual([
        'event: state\ndata: {"topic":"arena:1","loads":1}\n\n',
        'event: state\ndata: {"topic":"arena:1","loads":2}\n\n',
      ]);
    expect(hub.subscriberCount()).toBe(3);
  });

  it('serves new subscribers from a cache that every change clears, and never caches a load older than a change', async () => {
    // Each load waits until the test releases it, so the test decides the order loads finish in.
    const loads: { version: number; release: () => void }[] = [];
    let version = 1;
    const hub = new RealtimeHub(
      async () => async () => undefined,
      async () => {
        const v = version;
        await new Promise<void>((r) => loads.push({ version: v, release: r }));
        return { event: 'state', data: v };
      },
      { minIntervalMs: 0 },
    );
    const tick = () => new Promise((r) => setTimeout(r, 0));
    await hub.start();
    hub.subscribe('t', { write: () => undefined, close: () => undefined });
    const first = hub.snapshot('t');
    await tick();
    loads.shift()?.release();
    expect((await first)?.data).toBe(1);
    version = 2;
    expect((await hub.snapshot('t'))?.data).toBe(1); // cached: nothing notified yet

    hub.changed('t'); // clears the cache and starts a reload (version 2)
    await tick();
    const stale = hub.snapshot('t'); // a new client's load, also version 2
    await tick();
    version = 3;
    hub.changed('t'); // the running reload will go again and read version 3
    loads.shift()?.release(); // reload → 2 (not cached: another change is pending), then it loads again
    await tick();
    await tick();
    const [client, reload] = [loads[0], loads[1]];
    reload?.release(); // reload → 3, cached
    await tick();
    await tick();
    client?.release(); // the client's load → 2, finishing last: it started before a change, so it must not be cached
    expect((await stale)?.data).toBe(2);
    loads.length = 0;
    expect((await hub.snapshot('t'))?.data).toBe(3);
    await hub.stop();
  });
});
