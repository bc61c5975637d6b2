import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { unitFilter } from '@leitai/core';
import { requireAccess, requireScope } from '../../http/access.js';
import { auditActorOf } from '../../http/guard.js';
import { publicRoutes } from '../../http/public/index.js';
import { shanghaiDate } from '../../jobs/clock.js';
import { readUpload, sendFile } from '../../http/upload.js';
import { ratingBulletin, ratingBulletinDocx, ratingBulletinXlsx } from './bulletin.js';
import { ratingKeys } from './keys.js';
import { publishRanking, rankingList } from './rankings.js';
import { appeal, decideAppeal, recordCallback, revealPhone, review } from './office.js';
import { createPoints, editPoint, importPoints, pointQr, pointTemplate, posters } from './points.js';
import { ratingsPublicRoutes } from './public-routes.js';
import { overview, pointList, ratingList, ratingsExport, scopeUnits, unitChoices } from './reads.js';
import {
  ZAppeal,
  ZBulletinQuery,
  ZCallback,
  ZDecide,
  ZIdParams,
  ZListQuery,
  ZNewPoints,
  ZPointPatch,
  ZPointsQuery,
  ZPosterQuery,
  ZPublishRanking,
  ZRange,
  ZReview,
} from './schema.js';
import { ratingSettings, saveRatingSettings, ZRatingSettings } from './settings.js';
import * as documents from '../documents/index.js';

/** The site's own address, for the QR codes (behind a proxy, as TRUST_PROXY lets the request tell it). */
const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

/** 群众评价 for the office and the units: points and posters, figures, the review queue, call-backs, appeals. */
export const ratingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.ctx.db;
  const keys = ratingKeys(app.ctx.config.secret);
  const tags = ['ratings'];
  await app.register(publicRoutes(ratingsPublicRoutes), { keys });

  app.get('/ratings/settings', { schema: { tags } }, async (request) => {
    await requireAccess(request, 'rating.read');
    return ratingSettings(db);
  });
  app.put('/ratings/settings', { schema: { tags, body: ZRatingSettings } }, async (request) => {
    await requireAccess(request, 'rating.manage');
    // The local fake SMS channel serves the demo and tests; in production only a real gateway delivers.
    const smsDelivers = app.ctx.sms.delivers || app.ctx.config.env !== 'production';
    return saveRatingSettings(db, auditActorOf(request), request.body, smsDelivers);
  });

  app.get('/ratings/points', { schema: { tags, querystring: ZPointsQuery } }, async (request) => {
    const { actor, scope } = requireScope(request, 'rating.read');
    return {
      points: await pointList(db, actor, scope, request.query.unitId),
      // Where the viewer may add points (the form's choices).
      units: await unitChoices(db, unitFilter(actor, 'rating.points')),
    };
  });
  app.post('/ratings/points', { schema: { tags, body: ZNewPoints } }, async (request) => {
    await requireAccess(request, 'rating.points', { unitId: request.body.unitId });
    const rows = await createPoints(db, auditActorOf(request), request.body.unitId, request.body.points);
    return { ids: rows.map((r) => r.id) };
  });
  app.patch('/ratings/points/:id', { schema: { tags, params: ZIdParams, body: ZPointPatch } }, async (request) => {
    await requireAccess(request, 'rating.points', { kind: 'rating_point', id: request.params.id });
    const p = await editPoint(db, auditActorOf(request), request.params.id, request.body);
    return { id: p.id };
  });
  app.get('/ratings/points/template', { schema: { tags } }, async (request, reply) => {
    await requireAccess(request, 'rating.points');
    return sendFile(reply, '评价点导入模板.xlsx', await pointTemplate());
  });
  app.post('/ratings/points/import', { schema: { tags } }, async (request) => {
    const actor = await requireAccess(request, 'rating.points');
    return importPoints(db, actor, auditActorOf(request), (await readUpload(request)).buffer);
  });
  app.get('/ratings/points/:id/qr.png', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    await requireAccess(request, 'rating.read', { kind: 'rating_point', id: request.params.id });
    return sendFile(
      reply,
      `评价二维码-${request.params.id}.png`,
      await pointQr(db, request.params.id, originOf(request)),
    );
  });
  app.get('/ratings/posters.pdf', { schema: { tags, querystring: ZPosterQuery } }, async (request, reply) => {
    const { actor, scope } = requireScope(request, 'rating.read');
    const wanted = request.query.ids?.split(',').map(Number);
    const points = (await pointList(db, actor, scope, request.query.unitId)).filter(
      (p) => p.active && (!wanted || wanted.includes(p.id)),
    );
    return sendFile(reply, '评价二维码海报.pdf', await posters(db, points, originOf(request), request.query.size));
  });

  app.get('/ratings/overview', { schema: { tags, querystring: ZRange } }, async (request) => {
    const { scope } = requireScope(request, 'rating.read');
    return overview(db, scope, request.query.from, request.query.to);
  });
  app.get('/ratings/export.xlsx', { schema: { tags, querystring: ZRange } }, async (request, reply) => {
    const { scope } = requireScope(request, 'rating.read');
    const { from, to } = request.query;
    return sendFile(reply, `群众评价情况（${from}至${to}）.xlsx`, await ratingsExport(db, scope, from, to));
  });
  // 好差评情况通报 over the viewer's units (a unit's is its own), in Word, Excel or as data.
  app.get('/ratings/bulletin', { schema: { tags, querystring: ZBulletinQuery } }, async (request, reply) => {
    const { actor, scope } = requireScope(request, 'rating.read');
    const { from, to, format } = request.query;
    const data = await ratingBulletin(db, scope, from, to, shanghaiDate());
    if (format === 'json') return data;
    const buffer =
      format === 'docx'
        ? await ratingBulletinDocx(
            data,
            await documents.letterhead(db, actor, {
              kind: 'ratings',
              subject: `${from}:${to}:${scope.kind}`,
              today: shanghaiDate(),
            }),
          )
        : await ratingBulletinXlsx(data);
    return sendFile(reply, `${data.title}.${format}`, buffer);
  });
  // 公开排名 (媒体问效): the office's publications, and publishing the next version.
  app.get('/ratings/rankings', { schema: { tags } }, async (request) => {
    const actor = await requireAccess(request, 'rating.manage');
    return { rankings: await rankingList(db, actor), canPublish: true };
  });
  app.post('/ratings/rankings', { schema: { tags, body: ZPublishRanking } }, async (request) => {
    const { actor, scope } = requireScope(request, 'rating.manage');
    return publishRanking(db, actor, auditActorOf(request), scope, request.body);
  });
  app.get('/ratings/list', { schema: { tags, querystring: ZListQuery } }, async (request) => {
    const { actor, scope } = requireScope(request, 'rating.read');
    return ratingList(db, keys, actor, await scopeUnits(db, scope, request.query.unitId), request.query);
  });

  const target = (request: { params: { id: number } }) => ({ kind: 'rating' as const, id: request.params.id });
  app.post('/ratings/:id/review', { schema: { tags, params: ZIdParams, body: ZReview } }, async (request) => {
    const actor = await requireAccess(request, 'rating.manage', target(request));
    await review(db, actor, auditActorOf(request), request.params.id, request.body);
    return { ok: true };
  });
  app.post('/ratings/:id/callback', { schema: { tags, params: ZIdParams, body: ZCallback } }, async (request) => {
    const actor = await requireAccess(request, 'rating.work', target(request));
    await recordCallback(db, actor, auditActorOf(request), request.params.id, request.body);
    return { ok: true };
  });
  app.post('/ratings/:id/phone', { schema: { tags, params: ZIdParams } }, async (request) => {
    const actor = await requireAccess(request, 'rating.work', target(request));
    return { phone: await revealPhone(db, keys, actor, auditActorOf(request), request.params.id) };
  });
  app.post('/ratings/:id/appeal', { schema: { tags, params: ZIdParams, body: ZAppeal } }, async (request) => {
    const actor = await requireAccess(request, 'rating.work', target(request));
    await appeal(db, actor, auditActorOf(request), request.params.id, request.body);
    return { ok: true };
  });
  app.post('/ratings/:id/decide', { schema: { tags, params: ZIdParams, body: ZDecide } }, async (request) => {
    const actor = await requireAccess(request, 'rating.manage', target(request));
    await decideAppeal(db, actor, auditActorOf(request), request.params.id, request.body);
    return { ok: true };
  });
};
