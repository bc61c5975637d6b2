import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sep } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { registerErrorHandler, routeNotFound } from './http/error-handler.js';
import { registerTextGuard } from './http/text-guard.js';
import { testClockRoutes, testRobotRoutes, testSmsRoutes } from './http/test-clock.js';
import { OneLinePerRequest } from './http/log.js';
import './http/context.js';
import { registerTargets } from './http/access.js';
import { OutboxRelay } from './events/consumer.js';
import { emitScope, type EmitScope } from './events/emit.js';
import { accessTargets, apiModules, eventConsumers, realtimeTopics, reportSections } from './modules/index.js';
import { registerReportSections } from './modules/dispatch/index.js';
import { createHub, realtimeConsumer } from './realtime/index.js';
import { configureAuditChain, startCheckpoints, startSealer } from './modules/audit/index.js';
import { registerSessionHook } from './modules/auth/index.js';
import {
  AliyunSmsChannel,
  DeliveryWorker,
  FakeSmsChannel,
  SmtpEmailChannel,
  sendToRobot,
  type EmailChannel,
  type SmsChannel,
} from './modules/notifications/index.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { clockNow } from './jobs/clock.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const webDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface BuildAppOptions {
  config: Config;
  database: Database;
  /** pino logger options; false in tests. */
  logger?: boolean | object;
  /** The SMS channel; by default the one configured (SMS_PROVIDER), else the local fake (no network call). */
  sms?: SmsChannel;
  /** The email channel; by default SMTP when SMTP_URL is set, else none. */
  email?: EmailChannel | null;
  /** Posts to group robots; tests may bind it to their fake. */
  robot?: typeof sendToRobot;
}

export async function buildApp({
  config,
  database,
  logger = false,
  sms,
  email,
  robot,
}: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    logController: new OneLinePerRequest(),
    // A hop count trusts the socket address and the next hops−1 entries from the right of X-Forwarded-For.
    trustProxy:
      typeof config.trustProxy === 'number'
        ? (
            (hops: number) => (_address: string, hop: number) =>
              hop < hops
          )(config.trustProxy)
        : config.trustProxy,
    bodyLimit: 20 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const realtime = createHub(database, realtimeTopics, (err) => app.log.error({ err }, 'realtime: snapshot failed'));
  const outbox = new OutboxRelay(database, [...eventConsumers, realtimeConsumer(realtimeTopics)], {
    onError: (err, entry) => app.log.error({ err, event: entry?.id }, 'outbox: delivery failed'),
  });
  // The fake's messages go to the log, so a demo's visitor can read the code the "phone" received.
  const smsConfig = config.delivery.sms;
  const smsChannel =
    sms ??
    (smsConfig.provider === 'aliyun'
      ? new AliyunSmsChannel(smsConfig)
      : new FakeSmsChannel((m) =>
          app.log.warn(`短信（本地模拟，未真实发送）→ ${m.phone.slice(0, 3)}****${m.phone.slice(7)}：${m.text}`),
        ));
  const smtp = config.delivery.smtpUrl;
  const emailChannel =
    email === undefined
      ? smtp
        ? new SmtpEmailChannel(smtp, config.delivery.smtpFrom ?? 'leitai@localhost')
        : null
      : email;
  const delivery = new DeliveryWorker(
    database,
    { robot: robot ?? sendToRobot, sms: smsChannel, email: emailChannel },
    {
      now: clockNow,
      pollMs: config.delivery.pollMs,
      publicUrl: config.publicUrl,
      onError: (err) => app.log.error({ err }, 'delivery: pass failed'),
    },
  );
  app.decorate('ctx', {
    config,
    database,
    db: database.db,
    realtime,
    outbox,
    sms: smsChannel,
    delivery,
    channels: { sms: smsChannel.delivers, email: emailChannel !== null },
  });
  configureAuditChain({ hash: config.auditHash, key: config.auditKey, checkpointFile: config.auditCheckpointFile });
  let checkpoints: { stop(): Promise<void> } | undefined;
  let sealer: ReturnType<typeof startSealer> | undefined;
  app.addHook('onReady', async () => {
    sealer = startSealer(database, { onError: (err) => app.log.error({ err }, 'audit sealing failed') });
    await outbox.start();
    delivery.start();
    if (config.auditCheckpointFile)
      checkpoints = startCheckpoints(database.db, {
        log: (line) => app.log.info({ checkpoint: JSON.parse(line) as unknown }, 'audit checkpoint'),
        onError: (err) => app.log.error({ err }, 'audit checkpoint failed'),
      });
  });
  // Open event streams would keep the server from closing: end them first.
  app.addHook('preClose', async () => {
    await realtime.stop();
    await outbox.stop();
    await delivery.stop();
    if (emailChannel instanceof SmtpEmailChannel) emailChannel.close();
    // Sealed before the last checkpoint, which then names the chain's true end.
    await sealer?.stop();
    await checkpoints?.stop();
  });
  app.decorateRequest('user', null);
  registerTargets(accessTargets);
  registerReportSections(reportSections);
  registerErrorHandler(app);
  registerTextGuard(app);

  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"], // Ant Design injects its styles at runtime.
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    referrerPolicy: { policy: 'same-origin' },
    hsts: config.env === 'production',
  });
  await app.register(cookie, { secret: config.secret });
  await app.register(rateLimit, { global: false });
  // Uploads (evidence, Excel imports) are read with readUpload() in src/http/upload.ts.
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 20 } });
  await app.register(swagger, {
    openapi: { info: { title: 'Leitai API', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });

  // Each request runs in its own emit scope, so onSend knows whether it wrote an event.
  const scopes = new WeakMap<object, EmitScope>();
  app.addHook('onRequest', (request, _reply, done) => {
    const scope = { emitted: false, drainsAfter: request.url.startsWith('/api/') && !SAFE_METHODS.has(request.method) };
    scopes.set(request, scope);
    emitScope.run(scope, done);
  });
  app.addHook('onSend', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    reply.header('Cache-Control', 'no-store');
    // Whoever changed something sees its consequences at once (their own bell, the live view): a write
    // delivers what it emitted before answering, rather than waiting for the loop to wake.
    const scope = scopes.get(request);
    if (scope?.drainsAfter && scope.emitted) {
      await outbox.drain().catch((err: unknown) => request.log.error({ err }, 'outbox: drain failed'));
      // Outside channels are not waited for: the worker sends what the events queued.
      delivery.kick();
    }
  });

  app.get('/healthz', async () => ({ ok: true }));
  app.get('/readyz', async (_request, reply) => {
    try {
      await database.db.execute(sql`SELECT 1`);
      return { ok: true };
    } catch {
      return reply.status(503).send({ ok: false });
    }
  });

  await app.register(
    async (api) => {
      registerSessionHook(api);
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      for (const module of apiModules) await api.register(module);
      if (config.testClock) await api.register(testClockRoutes);
      if (config.testClock) await api.register(testSmsRoutes);
      if (config.testClock) await api.register(testRobotRoutes);
    },
    { prefix: '/api' },
  );

  const serveWeb = existsSync(webDist);
  if (serveWeb)
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      // The build writes .br and .gz beside each text asset (web/scripts/after-build.mjs).
      preCompressed: true,
      cacheControl: false,
      // Hashed assets never change under their name; the pages that name them are revalidated on every visit.
      setHeaders: (reply, path) =>
        void reply.header(
          'cache-control',
          path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        ),
    });
  // The citizens' rating page is an entry of its own (no account, small on a phone): /r/<point>, /q/<lookup>,
  // and the published ranking /p/ranking[/<id>].
  if (serveWeb)
    for (const path of ['/r/:code', '/q', '/q/:code', '/p/ranking', '/p/ranking/:code'])
      app.get(path, { schema: { hide: true } }, (_request, reply) => reply.sendFile('rate.html'));
  app.setNotFoundHandler((request, reply) => {
    // The web app routes on the client: any other GET outside the API gets index.html.
    if (serveWeb && request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
    return reply.status(404).send(routeNotFound(request.method, request.url));
  });
  return app;
}
