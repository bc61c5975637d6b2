import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireAccess, requireRecordScope, requireScope, requireUser } from '../../http/access.js';
import * as users from '../users/index.js';
import { auditActorOf } from '../../http/guard.js';
import { readUpload, sendFile } from '../../http/upload.js';
import { openEventStream } from '../../realtime/index.js';
import { resultDocument, resultWorkbook } from './export.js';
import * as documents from '../documents/index.js';
import { hostAction } from './host.js';
import { publicRoutes } from '../../http/public/index.js';
import { judgeRoutes } from './judge-routes.js';
import { liveSnapshot, liveTopic, withServerNow } from './live.js';
import { arenaDetail, arenaList, mayManage, unitOptions } from './queries.js';
import { readableResult } from './result.js';
import {
  ZArenaCreate,
  ZArenaId,
  ZCodes,
  ZCommitment,
  ZDraw,
  ZHostAction,
  ZJudgingScoreParams,
  ZRecusal,
  ZScore,
} from './schema.js';
import { arenasJudged, judgeFromUser, judgeState, submitScore } from './judge.js';
import { commitmentsOf, recordCommitment } from './commitments.js';
import { codeCardsPdf } from './code-cards.js';
import { judgeTemplate, readJudgeSheet } from './judges-excel.js';
import { arenaBrief, briefDocument } from './brief.js';
import { shanghaiDate } from '../../jobs/clock.js';
import { addRecusal, createArena, drawArena, issueCodes } from './setup.js';

/**
 * 擂台赛: the organiser's set-up and host console, the big screen, and (in judge-routes.ts) the judges'
 * phones. The app's realtime hub (realtime/) serves the live view; arena registers its topic in index.ts.
 */
export const arenaRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.ctx.db;
  const hub = app.ctx.realtime;
  const tags = ['arena'];
  const params = ZArenaId;
  /** The arena a route under /arenas/:id acts on: 404 before anything else when there is none. */
  const arena = (request: { params: { id: number } }) => ({ kind: 'arena' as const, id: request.params.id });

  app.get('/arenas', { schema: { tags } }, async (request) => {
    const { actor, scope } = requireRecordScope(request, 'arena.read');
    return arenaList(db, actor, scope);
  });
  // The set-up form picks contestants and judges' units from here: the units under the actor's office.
  app.get('/arenas/options/units', { schema: { tags } }, async (request) => {
    const { scope } = requireScope(request, 'arena.manage');
    return unitOptions(db, scope);
  });
  // …and its account judges from here: the active accounts under the actor's office.
  app.get('/arenas/options/judges', { schema: { tags } }, async (request) => {
    const { scope } = requireScope(request, 'arena.manage');
    return (await users.accountsInScope(db, scope)).map((a) => ({
      id: a.id,
      name: a.name,
      username: a.username,
      unitId: a.unitId,
      unitName: a.unitName,
    }));
  });
  // …or from a filled sheet: read and checked into the form, nothing written (the form sends them with the arena).
  app.get('/arenas/options/judges/template', { schema: { tags } }, async (request, reply) => {
    requireScope(request, 'arena.manage');
    return sendFile(reply, '评委导入模板.xlsx', await judgeTemplate());
  });
  app.post(
    '/arenas/options/judges/import',
    { schema: { tags, consumes: ['multipart/form-data'] } },
    async (request) => {
      const { scope } = requireScope(request, 'arena.manage');
      const upload = await readUpload(request, 5 * 1024 * 1024);
      return readJudgeSheet(db, scope, upload.buffer);
    },
  );
  app.post('/arenas', { schema: { tags, body: ZArenaCreate } }, async (request, reply) => {
    const actor = await requireAccess(request, 'arena.manage');
    return reply.status(201).send(await createArena(db, auditActorOf(request), actor, request.body));
  });
  app.get('/arenas/:id', { schema: { tags, params } }, async (request) => {
    const actor = await requireAccess(request, 'arena.read', arena(request));
    return arenaDetail(db, request.params.id, await mayManage(db, actor, request.params.id));
  });
  app.post('/arenas/:id/draw', { schema: { tags, params, body: ZDraw } }, async (request) => {
    await requireAccess(request, 'arena.manage', arena(request));
    return drawArena(db, auditActorOf(request), request.params.id, request.body.seed);
  });
  app.post('/arenas/:id/recusals', { schema: { tags, params, body: ZRecusal } }, async (request, reply) => {
    await requireAccess(request, 'arena.manage', arena(request));
    await addRecusal(db, auditActorOf(request), request.params.id, request.body);
    return reply.status(204).send();
  });
  app.post('/arenas/:id/codes', { schema: { tags, params, body: ZCodes } }, async (request) => {
    await requireAccess(request, 'arena.manage', arena(request));
    return { codes: await issueCodes(db, auditActorOf(request), request.params.id, request.body.judgeId) };
  });
  // 评委码卡片 (PDF): fresh codes for the outside judges without a phone, one card each with its QR code.
  app.post('/arenas/:id/codes.pdf', { schema: { tags, params } }, async (request, reply) => {
    await requireAccess(request, 'arena.manage', arena(request));
    const pdf = await codeCardsPdf(
      db,
      auditActorOf(request),
      request.params.id,
      `${request.protocol}://${request.host}`,
    );
    return sendFile(reply, '评委码卡片.pdf', pdf);
  });
  app.post('/arenas/:id/host', { schema: { tags, params, body: ZHostAction } }, async (request) => {
    await requireAccess(request, 'arena.manage', arena(request));
    return hostAction(db, auditActorOf(request), request.params.id, request.body);
  });
  app.get('/arenas/:id/live', { schema: { tags, params } }, async (request) => {
    await requireAccess(request, 'arena.read', arena(request));
    return liveSnapshot(db, request.params.id);
  });
  app.get('/arenas/:id/events', { schema: { tags, params } }, async (request, reply) => {
    await requireAccess(request, 'arena.read', arena(request));
    await openEventStream(request, reply, hub, await liveTopic(db, request.params.id), withServerNow);
  });

  // Managers see the result as it forms; everyone else once the arena is finished.
  app.get('/arenas/:id/result', { schema: { tags, params } }, async (request) =>
    readableResult(db, await requireAccess(request, 'arena.read', arena(request)), request.params.id),
  );
  app.get('/arenas/:id/result.xlsx', { schema: { tags, params } }, async (request, reply) => {
    const r = await readableResult(db, await requireAccess(request, 'arena.read', arena(request)), request.params.id);
    return sendFile(reply, `${r.arena.title}成绩表.xlsx`, await resultWorkbook(r));
  });
  app.get('/arenas/:id/result.docx', { schema: { tags, params } }, async (request, reply) => {
    const actor = await requireAccess(request, 'arena.read', arena(request));
    const r = await readableResult(db, actor, request.params.id);
    const letterhead = await documents.letterhead(db, actor, {
      kind: 'arena',
      subject: String(request.params.id),
      today: shanghaiDate(),
    });
    return sendFile(reply, `${r.arena.title}成绩通报.docx`, await resultDocument(r, letterhead));
  });

  app.get('/arenas/:id/brief', { schema: { tags, params } }, async (request) => {
    await requireAccess(request, 'arena.manage', arena(request));
    return arenaBrief(db, request.params.id, shanghaiDate());
  });
  app.get('/arenas/:id/brief.docx', { schema: { tags, params } }, async (request, reply) => {
    await requireAccess(request, 'arena.manage', arena(request));
    const b = await arenaBrief(db, request.params.id, shanghaiDate());
    return sendFile(reply, `${b.arena.title}赛前简报.docx`, await briefDocument(b));
  });

  // 擂台承诺: promises made on stage become ledger items; published like the result, to everyone who reads arenas.
  app.get('/arenas/:id/commitments', { schema: { tags, params } }, async (request) => {
    await requireAccess(request, 'arena.read', arena(request));
    return { items: await commitmentsOf(db, request.params.id, shanghaiDate()) };
  });
  app.post('/arenas/:id/commitments', { schema: { tags, params, body: ZCommitment } }, async (request, reply) => {
    const actor = await requireAccess(request, 'arena.manage', arena(request));
    await requireAccess(request, 'ledger.manage'); // it creates a ledger item too
    return reply
      .status(201)
      .send(await recordCommitment(db, actor, auditActorOf(request), request.params.id, request.body, shanghaiDate()));
  });

  // Account judges: a signed-in user scores the arenas they judge, authorised by the session (being one of the
  // arena's judges) instead of a device token; the same scoring rules, audited under the user's name.
  app.get('/judging', { schema: { tags: ['arena-judge'] } }, async (request) =>
    arenasJudged(db, requireUser(request).actor.userId, shanghaiDate()),
  );
  app.get('/judging/:id/state', { schema: { tags: ['arena-judge'], params } }, async (request) =>
    judgeState(db, await judgeFromUser(db, request.params.id, requireUser(request).actor.userId)),
  );
  app.put(
    '/judging/:id/scores/:contestantId',
    { schema: { tags: ['arena-judge'], params: ZJudgingScoreParams, body: ZScore } },
    async (request) => {
      const me = await judgeFromUser(db, request.params.id, requireUser(request).actor.userId);
      return submitScore(db, me, auditActorOf(request), request.params.contestantId, request.body);
    },
  );

  await app.register(publicRoutes(judgeRoutes), { hub });
};
