import http from 'node:http';

/** A minimal SSE client for tests and scripts: collects `state` events as parsed JSON. */
export interface SseClient {
  events: { event: string; data: unknown }[];
  /** Resolves with the first event (already received or coming) that matches. */
  waitFor(
    match: (e: { event: string; data: unknown }) => boolean,
    timeoutMs?: number,
  ): Promise<{ event: string; data: unknown }>;
  close(): void;
  /** Resolves when the server or a balancer ends the stream (a test's cue to reconnect). */
  ended: Promise<void>;
}

export function openSse(
  url: string,
  headers: Record<string, string> = {},
  /** The client's address, e.g. one of 127.0.0.0/8, to stand for a given phone behind a balancer. */
  localAddress?: string,
): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const events: SseClient['events'] = [];
    const waiters: {
      match: (e: SseClient['events'][number]) => boolean;
      done: (e: SseClient['events'][number]) => void;
    }[] = [];
    const req = http.get(
      url,
      { headers: { accept: 'text/event-stream', ...headers }, localAddress, agent: false },
      (res) => {
        if (res.statusCode !== 200) {
          reject(new Error(`SSE ${url}: ${res.statusCode}`));
          res.resume();
          return;
        }
        let buf = '';
        const ended = new Promise<void>((done) => res.on('close', () => done()));
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buf += chunk;
          let i;
          while ((i = buf.indexOf('\n\n')) >= 0) {
            const block = buf.slice(0, i);
            buf = buf.slice(i + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event === undefined || data === undefined) continue;
            const e = { event, data: JSON.parse(data) as unknown };
            events.push(e);
            for (const w of [...waiters])
              if (w.match(e)) {
                waiters.splice(waiters.indexOf(w), 1);
                w.done(e);
              }
          }
        });
        resolve({
          events,
          waitFor: (match, timeoutMs = 5000) =>
            new Promise((ok, fail) => {
              const found = events.find(match);
              if (found) return ok(found);
              const timer = setTimeout(() => fail(new Error('SSE: no matching event in time')), timeoutMs);
              waiters.push({
                match,
                done: (e) => {
                  clearTimeout(timer);
                  ok(e);
                },
              });
            }),
          close: () => req.destroy(),
          ended,
        });
      },
    );
    req.on('error', (err) => {
      if ((err as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(err);
    });
  });
}
