import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authorize, auditActorOf } from '../../http/guard.js';
import { sendFile } from '../../http/upload.js';
import { RealtimeHub } from '../../realtime/hub.js';
import { openEventStream } from '../../realtime/sse.js';
import { hasPermission } from '@leitai/core';
import { forbidden } from '../../errors.js';
import { resultDocument, resultWorkbook } from './export.js';
import { hostAction } from './host.js';
import { judgeRoutes } from './judge-routes.js';
import { liveSnapshot, liveTopic, withServerNow } from './live.js';
import { arenaDetail, arenaList, unitOptions } from './queries.js';
import { readableResult } from './result.js';
import { ZArenaCreate, ZArenaId, ZCodes, ZCommitment, ZDraw, ZHostAction, ZRecusal } from './schema.js';
import { commitmentsOf, recordCommitment } from './commitments.js';
import { arenaBrief, briefDocument } from './brief.js';
import { shanghaiDate } from '../../jobs/clock.js';
import { addRecusal, createArena, drawArena, issueCodes } from './setup.js';

/**
 * 擂台赛: the organiser's set-up and host console, the big screen, and (in judge-routes.ts) the judges'
 * phones. One realtime hub per app instance fans PostgreSQL notifications out to SSE clients.
 */
export const arenaRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.ctx.db;
  const hub = new RealtimeHub(
    app.ctx.database.listen,
    async (topic) => {
      const id = Number(topic.split(':')[1]);
      return topic.startsWith('arena:') && Number.isInteger(id)
        ? { event: 'state', data: await liveSnapshot(db, id) }
        : null;
    },
    { onError: (err) => app.log.error({ err }, 'realtime: snapshot failed') },
  );
  // Open event streams would keep the server from closing: end them first.
  app.addHook('preClose', async () => hub.stop());
  const tags = ['arena'];
  const params = ZArenaId;

  app.get('/arenas', { schema: { tags } }, async (request) => {
    authorize(request, 'arena.read');
    return arenaList(db);
  });
  // The set-up form picks contestants and judges' units from here (units CRUD is another module).
  app.get('/arenas/options/units', { schema: { tags } }, async (request) => {
    authorize(request, 'arena.manage');
    return unitOptions(db);
  });
  app.post('/arenas', { schema: { tags, body: ZArenaCreate } }, async (request, reply) => {
    const actor = authorize(request, 'arena.manage');
    return reply.status(201).send(await createArena(db, auditActorOf(request), actor.userId, request.body));
  });
  app.get('/arenas/:id', { schema: { tags, params } }, async (request) => {
    const actor = authorize(request, 'arena.read');
    return arenaDetail(db, request.params.id, hasPermission(actor, 'arena.manage'));
  });
  app.post('/arenas/:id/draw', { schema: { tags, params, body: ZDraw } }, async (request) => {
    authorize(request, 'arena.manage');
    return drawArena(db, auditActorOf(request), request.params.id, request.body.seed);
  });
  app.post('/arenas/:id/recusals', { schema: { tags, params, body: ZRecusal } }, async (request, reply) => {
    authorize(request, 'arena.manage');
    await addRecusal(db, auditActorOf(request), request.params.id, request.body);
    return reply.status(204).send();
  });
  app.post('/arenas/:id/codes', { schema: { tags, params, body: ZCodes } }, async (request) => {
    authorize(request, 'arena.manage');
    return { codes: await issueCodes(db, auditActorOf(request), request.params.id, request.body.judgeId) };
  });
  app.post('/arenas/:id/host', { schema: { tags, params, body: ZHostAction } }, async (request) => {
    authorize(request, 'arena.manage');
    return hostAction(db, auditActorOf(request), request.params.id, request.body);
  });
  app.get('/arenas/:id/live', { schema: { tags, params } }, async (request) => {
    authorize(request, 'arena.read');
    return liveSnapshot(db, request.params.id);
  });
  app.get('/arenas/:id/events', { schema: { tags, params } }, async (request, reply) => {
    authorize(request, 'arena.read');
    await openEventStream(request, reply, hub, await liveTopic(db, request.params.id), withServerNow);
  });

  // Managers see the result as it forms; everyone else once the arena is finished.
  app.get('/arenas/:id/result', { schema: { tags, params } }, async (request) =>
    readableResult(db, authorize(request, 'arena.read'), request.params.id),
  );
  app.get('/arenas/:id/result.xlsx', { schema: { tags, params } }, async (request, reply) => {
    const r = await readableResult(db, authorize(request, 'arena.read'), request.params.id);
    return sendFile(reply, `${r.arena.title}成绩表.xlsx`, await resultWorkbook(r));
  });
  app.get('/arenas/:id/result.docx', { schema: { tags, params } }, async (request, reply) => {
    const r = await readableResult(db, authorize(request, 'arena.read'), request.params.id);
    return sendFile(reply, `${r.arena.title}成绩通报.docx`, await resultDocument(r));
  });

  app.get('/arenas/:id/brief', { schema: { tags, params } }, async (request) => {
    authorize(request, 'arena.manage');
    return arenaBrief(db, request.params.id, shanghaiDate());
  });
  app.get('/arenas/:id/brief.docx', { schema: { tags, params } }, async (request, reply) => {
    authorize(request, 'arena.manage');
    const b = await arenaBrief(db, request.params.id, shanghaiDate());
    return sendFile(reply, `${b.arena.title}赛前简报.docx`, await briefDocument(b));
  });

  // 擂台承诺: promises made on stage become ledger items; published like the result, to everyone who reads arenas.
  app.get('/arenas/:id/commitments', { schema: { tags, params } }, async (request) => {
    authorize(request, 'arena.read');
    return { items: await commitmentsOf(db, request.params.id, shanghaiDate()) };
  });
  app.post('/arenas/:id/commitments', { schema: { tags, params, body: ZCommitment } }, async (request, reply) => {
    const actor = authorize(request, 'arena.manage');
    if (!hasPermission(actor, 'ledger.manage')) throw forbidden(); // it creates a ledger item
    return reply
      .status(201)
      .send(await recordCommitment(db, actor, auditActorOf(request), request.params.id, request.body, shanghaiDate()));
  });

  await app.register(judgeRoutes, { hub });
};
