import { arg, client, liveArena, load as loadFor, median, root, session, start } from './http-kit.js';

/**
 * `npm run bench:audited -w @leitai/bench` (issue 20, goal 2, as the issue measures it): a judge's score `PUT`
 * through the whole app (session, schema, the scoring rules, the score row, its audit entry, the screen's
 * NOTIFY) against a bare Fastify route doing one INSERT, both on the same PostgreSQL (DATABASE_URL, required),
 * each in a process of its own. --connections loops per side send requests back to back for --seconds, in
 * alternating rounds; the verdict is the median ratio of the app's rate to the bare route's. Target ≥ 0.5.
 */
const ROUNDS = arg('rounds', 3);
const SECONDS = arg('seconds', 5);
const CONNECTIONS = arg('connections', 10);
const JUDGES = 30;
const { send, close } = client(CONNECTIONS * 2);
const load = (request: (k: number) => Promise<void>) => loadFor(request, CONNECTIONS, SECONDS);

const BARE = `
  const pg = require('pg');
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  const app = require('fastify')({ logger: false });
  app.post('/insert', async (req) => {
    await pool.query('INSERT INTO bench_plain (judge, score) VALUES ($1, $2)', [req.body.judge, req.body.score]);
    return { ok: true };
  });
  pool.query('CREATE TABLE IF NOT EXISTS bench_plain (id bigserial PRIMARY KEY, judge int, score int)')
    .then(() => app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' }));
`;

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL names the PostgreSQL database both servers use');
  const appPort = 3244;
  const barePort = 3245;
  const app = await start(
    [
      '--import',
      'tsx',
      // AUDITED_CPU_PROFILE=<folder> writes the app's CPU profile there when it stops.
      ...(process.env.AUDITED_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.AUDITED_CPU_PROFILE}`] : []),
      'packages/server/src/main.ts',
    ],
    {
      DATABASE_URL: url,
      LEITAI_DEMO: '1',
      PORT: String(appPort),
      HOST: '127.0.0.1',
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      LOGIN_RATE_LIMIT: '1000',
    },
    `http://127.0.0.1:${appPort}/readyz`,
  );
  const bare = await start(
    ['-e', BARE],
    { DATABASE_URL: url, PORT: String(barePort) },
    `http://127.0.0.1:${barePort}/`,
    `${root}packages/server`,
  );
  try {
    const api = `http://127.0.0.1:${appPort}/api`;
    const s = await session(send, api, 'organiser', 'Leitai@2026');
    const units = (await s.get<{ id: number; kind: string }[]>('/arenas/options/units'))
      .filter((u) => u.kind === 'department')
      .slice(0, 5);
    const score = await liveArena(
      s,
      send,
      api,
      units.map((u) => u.id),
      JUDGES,
    );
    const insert = async (k: number) => {
      const r = await send('POST', `http://127.0.0.1:${barePort}/insert`, { judge: k % JUDGES, score: k % 100 });
      if (r.status !== 200) throw new Error(`insert ${r.status}: ${r.text}`);
    };
    await load(score); // warm-up of both
    await load(insert);
    const ratios: number[] = [];
    for (let r = 1; r <= ROUNDS; r++) {
      const b = await load(insert);
      const a = await load(score);
      ratios.push(a / b);
      console.log(
        `round ${r}: one-INSERT route ${b.toFixed(0)}/s, judge's score PUT ${a.toFixed(0)}/s (${(a / b).toFixed(2)})`,
      );
    }
    const verdict = median(ratios);
    console.log(`median ratio ${verdict.toFixed(2)} (target ≥ 0.50: ${verdict >= 0.5 ? 'met' : 'not met'})`);
  } finally {
    app.kill('SIGTERM');
    bare.kill('SIGTERM');
    close();
  }
}

await main();
