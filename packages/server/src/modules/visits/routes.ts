import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { hasPermission } from '@leitai/core';
import { requireAccess, requireScope, requireUser } from '../../http/access.js';
import { auditActorOf } from '../../http/guard.js';
import { publicRoutes } from '../../http/public/index.js';
import { readUpload, sendFile } from '../../http/upload.js';
import { shanghaiDate } from '../../jobs/clock.js';
import { assign, assignablePeople } from './assignments.js';
import { coverage, coverageXlsx } from './coverage.js';
import { createEnterprise, enterpriseDetail, enterpriseList, streetChoices } from './enterprises.js';
import { enterpriseTemplate, exportEnterprises, importEnterprises } from './excel.js';
import { visitsPublicRoutes } from './public-routes.js';
import { myVisits, recordVisit } from './record.js';
import { dispatchRequest, mergeRequest, requestDetail, requestList } from './requests.js';
import {
  ZAssign,
  ZCoverageQuery,
  ZDispatch,
  ZEnterpriseQuery,
  ZIdParams,
  ZMerge,
  ZNewEnterprise,
  ZNewVisit,
  ZRequestQuery,
} from './schema.js';
import { saveVisitSettings, visitSettings, ZVisitSettings } from './settings.js';
import * as units from '../units/index.js';

/** 万企走访 / 包保: the register, assignments, visits, 诉求 and coverage. Each route: schema, access check, one service call. */
export const visitRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.ctx.db;
  const tags = ['visits'];

  app.get('/visits/enterprises', { schema: { tags, querystring: ZEnterpriseQuery } }, async (request) => {
    const { actor, scope } = requireScope(request, 'visit.read');
    return enterpriseList(db, actor, scope, request.query);
  });
  app.post('/visits/enterprises', { schema: { tags, body: ZNewEnterprise } }, async (request) => {
    await requireAccess(request, 'visit.manage');
    return createEnterprise(db, auditActorOf(request), request.body);
  });
  app.get('/visits/enterprises/export', { schema: { tags } }, async (request, reply) => {
    const { scope } = requireScope(request, 'visit.read');
    return sendFile(reply, '企业库.xlsx', await exportEnterprises(db, scope));
  });
  app.get('/visits/enterprises/template', { schema: { tags } }, async (request, reply) => {
    await requireAccess(request, 'visit.manage');
    return sendFile(reply, '企业库导入模板.xlsx', await enterpriseTemplate());
  });
  app.post('/visits/enterprises/import', { schema: { tags } }, async (request) => {
    await requireAccess(request, 'visit.manage');
    const upload = await readUpload(request, 200 * 1024 * 1024);
    return importEnterprises(db, auditActorOf(request), upload.buffer, shanghaiDate());
  });
  // The office, the leaders of its street (visit.read), and the people assigned to it (owners) open one enterprise.
  app.get('/visits/enterprises/:id', { schema: { tags, params: ZIdParams } }, async (request) => {
    const { actor } = requireUser(request);
    const permission = hasPermission(actor, 'visit.read') ? 'visit.read' : 'visit.record';
    await requireAccess(request, permission, { kind: 'enterprise', id: request.params.id });
    return enterpriseDetail(db, actor, request.params.id);
  });

  app.get('/visits/choices', { schema: { tags } }, async (request) => {
    await requireAccess(request, 'visit.manage');
    const all = await units.all(db);
    return {
      streets: await streetChoices(db),
      units: all.filter((u) => u.active && u.parentId !== null).map((u) => ({ id: u.id, name: u.name })),
      people: await assignablePeople(db),
    };
  });
  app.post('/visits/assignments', { schema: { tags, body: ZAssign } }, async (request) => {
    await requireAccess(request, 'visit.manage');
    return assign(db, auditActorOf(request), request.body, shanghaiDate());
  });

  app.get('/visits/mine', { schema: { tags } }, async (request) => {
    const actor = await requireAccess(request, 'visit.record');
    return myVisits(db, actor);
  });
  app.post('/visits', { schema: { tags, body: ZNewVisit } }, async (request) => {
    const actor = await requireAccess(request, 'visit.record', {
      kind: 'enterprise',
      id: request.body.enterpriseId,
      party: 'district',
    });
    return recordVisit(db, actor, auditActorOf(request), request.body, shanghaiDate());
  });

  app.get('/visits/requests', { schema: { tags, querystring: ZRequestQuery } }, async (request) => {
    const { actor, scope } = requireScope(request, 'visit.read');
    return requestList(db, actor, scope, request.query);
  });
  app.get('/visits/requests/:id', { schema: { tags, params: ZIdParams } }, async (request) => {
    const actor = await requireAccess(request, 'visit.read', { kind: 'visit_request', id: request.params.id });
    return requestDetail(db, actor, request.params.id);
  });
  app.post(
    '/visits/requests/:id/dispatch',
    { schema: { tags, params: ZIdParams, body: ZDispatch } },
    async (request) => {
      await requireAccess(request, 'visit.manage');
      return dispatchRequest(db, auditActorOf(request), request.params.id, request.body, shanghaiDate());
    },
  );
  app.post('/visits/requests/:id/merge', { schema: { tags, params: ZIdParams, body: ZMerge } }, async (request) => {
    await requireAccess(request, 'visit.manage');
    return mergeRequest(db, auditActorOf(request), request.params.id, request.body.intoId);
  });

  app.get('/visits/coverage', { schema: { tags, querystring: ZCoverageQuery } }, async (request) => {
    const { scope } = requireScope(request, 'visit.read');
    return coverage(db, scope, request.query, shanghaiDate());
  });
  app.get('/visits/coverage/export', { schema: { tags, querystring: ZCoverageQuery } }, async (request, reply) => {
    const { scope } = requireScope(request, 'visit.read');
    const data = await coverage(db, scope, request.query, shanghaiDate());
    return sendFile(reply, `走访覆盖-${data.asOf}.xlsx`, await coverageXlsx(data));
  });

  app.get('/visits/settings', { schema: { tags } }, async (request) => {
    await requireAccess(request, 'visit.read');
    return visitSettings(db);
  });
  app.put('/visits/settings', { schema: { tags, body: ZVisitSettings } }, async (request) => {
    await requireAccess(request, 'visit.manage');
    return saveVisitSettings(db, auditActorOf(request), request.body);
  });

  await app.register(publicRoutes(visitsPublicRoutes));
};
