import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAccess } from '../../http/access.js';
import { auditActorOf } from '../../http/guard.js';
import { readUpload, sendFile } from '../../http/upload.js';
import { shanghaiDate } from '../../jobs/clock.js';
import { boardBody, boardData, unitOverview } from './board.js';
import { boardXlsx, bulletinData, bulletinDocx, bulletinSummary, bulletinXlsx } from './bulletin.js';
import {
  campaignDetail,
  campaignList,
  createCampaign,
  createIndicator,
  editIndicator,
  retireIndicator,
} from './campaigns.js';
import { dispatchSettings, saveDispatchSettings, ZDispatchSettings } from './settings.js';
import { importReport, importTargets, reportTemplate, targetsTemplate } from './imports.js';
import { closePeriod, openPeriod, reportForm, reviewReport, saveReport, type ReportKey } from './reports.js';
import { sendReport } from './send.js';
import {
  ZBoardQuery,
  ZDecision,
  ZFormat,
  ZIdParams,
  ZNewCampaign,
  ZIndicatorEdit,
  ZNewIndicator,
  ZOpenPeriod,
  ZPeriodQuery,
  ZReportForm,
  ZRetire,
  ZReview,
  ZSendReport,
  ZSetTargets,
  ZTargetChange,
  ZUnitParams,
  ZYearQuery,
  ZMonth,
} from './schema.js';
import { confirmTargets, decideTargetChange, requestTargetChange, setTargets, targetList } from './targets.js';
import * as documents from '../documents/index.js';
import * as supervision from '../supervision/index.js';
import { instructReport, urgeReport } from './supervise.js';

const ZIndParams = z.object({
  id: z.coerce.number().int().positive(),
  indicatorId: z.coerce.number().int().positive(),
});
const ZPeriodParams = z.object({ id: z.coerce.number().int().positive(), period: ZMonth });

/** 一月一调度: campaigns, indicators, targets, monthly reports, the board and the bulletin. Each route: schema, access check, one service call. */
export const dispatchRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.ctx.db;
  const tags = ['dispatch'];
  const year = (q: { year?: number | undefined }) => q.year ?? Number(shanghaiDate().slice(0, 4));

  app.get('/dispatch/settings', { schema: { tags } }, async (request) => {
    await requireAccess(request, 'indicator.manage');
    return dispatchSettings(db);
  });
  app.put('/dispatch/settings', { schema: { tags, body: ZDispatchSettings } }, async (request) => {
    await requireAccess(request, 'indicator.manage');
    return saveDispatchSettings(db, auditActorOf(request), request.body);
  });

  app.get('/dispatch/campaigns', { schema: { tags } }, async (request) => {
    const actor = await requireAccess(request, 'target.read');
    return campaignList(db, actor, shanghaiDate());
  });
  /** The campaign a route under /dispatch/campaigns/:id acts on: its office's record (docs/levels.md). */
  const campaign = (request: { params: { id: number } }) => ({ kind: 'campaign' as const, id: request.params.id });

  app.post('/dispatch/campaigns', { schema: { tags, body: ZNewCampaign } }, async (request) => {
    const actor = await requireAccess(request, 'campaign.manage');
    return createCampaign(db, actor, auditActorOf(request), request.body);
  });

  app.get(
    '/dispatch/campaigns/:id',
    { schema: { tags, params: ZIdParams, querystring: ZYearQuery } },
    async (request) => {
      await requireAccess(request, 'target.read', campaign(request));
      return campaignDetail(db, request.params.id, year(request.query));
    },
  );

  app.post(
    '/dispatch/campaigns/:id/indicators',
    { schema: { tags, params: ZIdParams, body: ZNewIndicator } },
    async (request) => {
      const actor = await requireAccess(request, 'indicator.manage', campaign(request));
      const row = await createIndicator(db, actor, auditActorOf(request), request.params.id, request.body);
      return { id: row.id };
    },
  );

  app.put(
    '/dispatch/campaigns/:id/indicators/:indicatorId',
    { schema: { tags, params: ZIndParams, body: ZIndicatorEdit } },
    async (request) => {
      await requireAccess(request, 'indicator.manage', campaign(request));
      const { id, indicatorId } = request.params;
      return editIndicator(db, auditActorOf(request), id, indicatorId, request.body);
    },
  );

  app.post(
    '/dispatch/campaigns/:id/indicators/:indicatorId/retire',
    { schema: { tags, params: ZIndParams, body: ZRetire } },
    async (request) => {
      await requireAccess(request, 'indicator.manage', campaign(request));
      const { id, indicatorId } = request.params;
      return retireIndicator(db, auditActorOf(request), id, indicatorId, request.body.retiredFrom);
    },
  );

  app.get(
    '/dispatch/campaigns/:id/targets',
    { schema: { tags, params: ZIdParams, querystring: ZYearQuery } },
    async (request) => {
      const actor = await requireAccess(request, 'target.read', campaign(request));
      return targetList(db, actor, request.params.id, year(request.query));
    },
  );

  app.put(
    '/dispatch/campaigns/:id/targets',
    { schema: { tags, params: ZIdParams, body: ZSetTargets } },
    async (request) => {
      const actor = await requireAccess(request, 'indicator.manage', campaign(request));
      return setTargets(db, actor, auditActorOf(request), request.params.id, request.body.year, request.body.targets);
    },
  );

  app.get(
    '/dispatch/campaigns/:id/targets/template',
    { schema: { tags, params: ZIdParams, querystring: ZYearQuery } },
    async (request, reply) => {
      await requireAccess(request, 'indicator.manage', campaign(request));
      const y = year(request.query);
      return sendFile(reply, `${y}年目标导入模板.xlsx`, await targetsTemplate(db, request.params.id, y));
    },
  );

  app.post(
    '/dispatch/campaigns/:id/targets/import',
    { schema: { tags, params: ZIdParams, querystring: ZYearQuery, consumes: ['multipart/form-data'] } },
    async (request) => {
      const actor = await requireAccess(request, 'indicator.manage', campaign(request));
      const upload = await readUpload(request, 5 * 1024 * 1024);
      return importTargets(db, actor, auditActorOf(request), request.params.id, year(request.query), upload.buffer);
    },
  );

  app.post(
    '/dispatch/campaigns/:id/units/:unitId/targets/confirm',
    { schema: { tags, params: ZUnitParams, body: ZYearQuery } },
    async (request) => {
      const { id, unitId } = request.params;
      const actor = await requireAccess(request, 'target.confirm', { unitId });
      return confirmTargets(db, actor, auditActorOf(request), id, unitId, year(request.body));
    },
  );

  app.post(
    '/dispatch/targets/:id/change',
    { schema: { tags, params: ZIdParams, body: ZTargetChange } },
    async (request) => {
      const { id } = request.params;
      const actor = await requireAccess(request, 'target.confirm', { kind: 'dispatch_target', id });
      return requestTargetChange(db, actor, auditActorOf(request), id, request.body);
    },
  );

  app.post(
    '/dispatch/targets/:id/decision',
    { schema: { tags, params: ZIdParams, body: ZDecision } },
    async (request) => {
      const { id } = request.params;
      await requireAccess(request, 'indicator.manage', { kind: 'dispatch_target', id });
      return decideTargetChange(db, auditActorOf(request), id, request.body);
    },
  );

  app.post(
    '/dispatch/campaigns/:id/periods',
    { schema: { tags, params: ZIdParams, body: ZOpenPeriod } },
    async (request) => {
      await requireAccess(request, 'campaign.manage', campaign(request));
      const row = await openPeriod(db, auditActorOf(request), request.params.id, request.body);
      return { period: row.period, deadline: row.deadline, open: row.open, reopenCount: row.reopenCount };
    },
  );

  app.post(
    '/dispatch/campaigns/:id/periods/:period/close',
    { schema: { tags, params: ZPeriodParams } },
    async (request) => {
      await requireAccess(request, 'campaign.manage', campaign(request));
      return closePeriod(db, auditActorOf(request), request.params.id, request.params.period);
    },
  );

  const ZUnitReport = { params: ZUnitParams, querystring: ZPeriodQuery };
  /** The unit's report for the month these routes name (campaign and unit in the path, month in the query). */
  const reportOf = (r: { params: { id: number; unitId: number }; query: { period: string } }): ReportKey => ({
    campaignId: r.params.id,
    unitId: r.params.unitId,
    period: r.query.period,
  });

  app.get('/dispatch/campaigns/:id/units/:unitId/report', { schema: { tags, ...ZUnitReport } }, async (request) => {
    const actor = await requireAccess(request, 'target.read', { unitId: request.params.unitId });
    return reportForm(db, reportOf(request), shanghaiDate(), actor);
  });

  app.put(
    '/dispatch/campaigns/:id/units/:unitId/report',
    { schema: { tags, ...ZUnitReport, body: ZReportForm } },
    async (request) => {
      const actor = await requireAccess(request, 'report.fill', { unitId: request.params.unitId });
      return saveReport(db, actor, auditActorOf(request), reportOf(request), request.body);
    },
  );

  app.post(
    '/dispatch/campaigns/:id/units/:unitId/report/submit',
    { schema: { tags, ...ZUnitReport, body: ZSendReport } },
    async (request) => {
      // Filling is the floor; whether this person may 报送 or only hand off is core's rule with the office's setting.
      const actor = await requireAccess(request, 'report.fill', { unitId: request.params.unitId });
      return sendReport(db, actor, auditActorOf(request), reportOf(request), request.body, shanghaiDate());
    },
  );

  app.get(
    '/dispatch/campaigns/:id/units/:unitId/report/template',
    { schema: { tags, ...ZUnitReport } },
    async (request, reply) => {
      await requireAccess(request, 'report.fill', { unitId: request.params.unitId });
      const buffer = await reportTemplate(db, reportOf(request), shanghaiDate());
      return sendFile(reply, `${request.query.period}调度填报.xlsx`, buffer);
    },
  );

  app.post(
    '/dispatch/campaigns/:id/units/:unitId/report/import',
    { schema: { tags, ...ZUnitReport, consumes: ['multipart/form-data'] } },
    async (request) => {
      const actor = await requireAccess(request, 'report.fill', { unitId: request.params.unitId });
      const upload = await readUpload(request, 5 * 1024 * 1024);
      return importReport(db, actor, auditActorOf(request), reportOf(request), upload.buffer, shanghaiDate());
    },
  );

  // 催报 (the office, its own campaign's month past the deadline) and 批示 (a leader over the unit).
  app.post(
    '/dispatch/campaigns/:id/units/:unitId/urge',
    { schema: { tags, ...ZUnitReport, body: supervision.ZUrge } },
    async (request) => {
      const actor = await requireAccess(request, 'supervision.urge', campaign(request));
      await requireAccess(request, 'supervision.urge', { unitId: request.params.unitId });
      return urgeReport(db, actor, auditActorOf(request), reportOf(request), request.body.message, shanghaiDate());
    },
  );
  app.post(
    '/dispatch/campaigns/:id/units/:unitId/instructions',
    { schema: { tags, ...ZUnitReport, body: supervision.ZInstruct } },
    async (request) => {
      const actor = await requireAccess(request, 'supervision.instruct', { unitId: request.params.unitId });
      return instructReport(db, actor, auditActorOf(request), reportOf(request), request.body.text);
    },
  );

  app.post('/dispatch/reports/:id/review', { schema: { tags, params: ZIdParams, body: ZReview } }, async (request) => {
    const actor = await requireAccess(request, 'report.review', { kind: 'report', id: request.params.id });
    return reviewReport(db, actor, auditActorOf(request), request.params.id, request.body);
  });

  app.get(
    '/dispatch/campaigns/:id/units/:unitId/overview',
    { schema: { tags, params: ZUnitParams, querystring: ZYearQuery } },
    async (request) => {
      await requireAccess(request, 'target.read', { unitId: request.params.unitId });
      return unitOverview(db, request.params.id, request.params.unitId, year(request.query), shanghaiDate());
    },
  );

  app.get(
    '/dispatch/campaigns/:id/board',
    { schema: { tags, params: ZIdParams, querystring: ZBoardQuery } },
    async (request, reply) => {
      const actor = await requireAccess(request, 'board.read', campaign(request));
      const { period, ...filter } = request.query;
      const accepts = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
      const { body, gzip } = await boardBody(db, actor, request.params.id, period, filter, shanghaiDate(), accepts);
      reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
      if (gzip) reply.header('content-encoding', 'gzip');
      return reply.send(body);
    },
  );

  app.get(
    '/dispatch/campaigns/:id/board/export',
    { schema: { tags, params: ZIdParams, querystring: ZBoardQuery } },
    async (request, reply) => {
      const actor = await requireAccess(request, 'board.read', campaign(request));
      const { period, ...filter } = request.query;
      const board = await boardData(db, actor, request.params.id, period, filter, shanghaiDate());
      const buffer = await boardXlsx(board, period);
      return sendFile(reply, `调度看板-${period}.xlsx`, buffer);
    },
  );

  app.get(
    '/dispatch/campaigns/:id/bulletin',
    { schema: { tags, params: ZIdParams, querystring: ZFormat } },
    async (request, reply) => {
      const actor = await requireAccess(request, 'board.read', campaign(request));
      const data = await bulletinData(db, actor, request.params.id, request.query.period, shanghaiDate());
      if (request.query.format === 'json') return bulletinSummary(data);
      const docx = request.query.format === 'docx';
      const buffer = docx
        ? await bulletinDocx(
            data,
            await documents.letterhead(db, actor, {
              kind: 'dispatch',
              subject: `${request.params.id}:${request.query.period}`,
              today: shanghaiDate(),
            }),
          )
        : await bulletinXlsx(data);
      return sendFile(reply, `${data.title}.${request.query.format}`, buffer);
    },
  );
};
