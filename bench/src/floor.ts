import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

/**
 * `npm run bench:floor`: the framework's floor (issue 20, goal 4). `/healthz` of the app as production runs
 * it (NODE_ENV=production, JSON logs at info, one line per request, every plugin and hook registered)
 * against a bare Fastify hello in the same run, each in a process of its own, loaded by autocannon from
 * this one. Rounds alternate (bare, app, bare, app, …) so a noisy neighbour hits both alike; the verdict is
 * the median ratio of the app's requests per second to the bare server's. Target: at least 0.5.
 * Options: --rounds=3 --seconds=5 --connections=10.
 */
const arg = (name: string, fallback: number): number =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const ROUNDS = arg('rounds', 3);
const SECONDS = arg('seconds', 5);
const CONNECTIONS = arg('connections', 10);
const root = fileURLToPath(new URL('../..', import.meta.url));

const BARE = `
  const app = require('fastify')({ logger: false });
  app.get('/healthz', async () => ({ ok: true }));
  app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' }).then(() => console.log('ready'));
`;

function start(kind: 'bare' | 'app', port: number): Promise<ChildProcess> {
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    LEITAI_DATA_DIR: 'memory://',
    LEITAI_SECRET: 'floor-bench-secret-0123456789abcdef0123456789',
    LOG_LEVEL: process.env.FLOOR_LOG_LEVEL ?? 'info',
    AUDIT_CHECKPOINT_FILE: '',
  };
  const child =
    kind === 'bare'
      ? spawn(process.execPath, ['-e', BARE], {
          cwd: `${root}packages/server`,
          env,
          stdio: ['ignore', 'pipe', 'inherit'],
        })
      : spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], {
          cwd: root,
          env,
          stdio: ['ignore', 'pipe', 'inherit'],
        });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
    const ready = async (): Promise<void> => {
      for (let i = 0; i < 600; i++) {
        const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
          (r) => r.ok,
          () => false,
        );
        if (ok) return resolve(child);
        await new Promise((r) => setTimeout(r, 100));
      }
      reject(new Error(`${kind} server did not answer /healthz`));
    };
    // The app's request log goes to its stdout, as in production; it is read and dropped here.
    child.stdout!.on('data', () => {});
    void ready();
  });
}

async function load(port: number): Promise<{ rps: number; p99: number; errors: number }> {
  const r = await autocannon({
    url: `http://127.0.0.1:${port}/healthz`,
    connections: CONNECTIONS,
    duration: SECONDS,
  });
  return { rps: r.requests.average, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

const port = Number(process.env.PORT ?? 3290);
const bare = await start('bare', port);
const app = await start('app', port + 1);
try {
  await load(port); // warm-up, both
  await load(port + 1);
  const ratios: number[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const b = await load(port);
    const a = await load(port + 1);
    ratios.push(a.rps / b.rps);
    console.log(
      `round ${round}: bare ${b.rps.toFixed(0)}/s (p99 ${b.p99} ms), app ${a.rps.toFixed(0)}/s (p99 ${a.p99} ms, ${a.errors} errors) → ${(a.rps / b.rps).toFixed(2)}`,
    );
  }
  const ratio = median(ratios);
  console.log(`/healthz: ${ratio.toFixed(2)} × a bare Fastify hello (median of ${ROUNDS}); target ≥ 0.50`);
  console.log(ratio >= 0.5 ? 'verdict: met' : 'verdict: NOT met');
  process.exitCode = ratio >= 0.5 ? 0 : 1;
} finally {
  bare.kill('SIGTERM');
  app.kill('SIGTERM');
}
