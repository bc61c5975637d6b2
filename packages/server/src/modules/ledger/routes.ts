import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAccess } from '../../http/access.js';
import { auditActorOf } from '../../http/guard.js';
import { readUpload, sendFile } from '../../http/upload.js';
import { shanghaiDate } from '../../jobs/clock.js';
import { act } from './actions.js';
import { bulletinData, bulletinDocx, bulletinTitle, bulletinXlsx } from './bulletin.js';
import { createItem, splitItem } from './create.js';
import { announceColoursNow } from './daily.js';
import { exportLedger, importTemplate } from './excel.js';
import { importItems } from './import.js';
import { countsByUnit, itemDetail, listLedger, ratesFor } from './queries.js';
import { ledgerMeta, scheduleSteps } from './meta.js';
import {
  ZAction,
  ZIdParams,
  ZItemDetail,
  ZItemView,
  ZListQuery,
  ZNewItem,
  ZPeriod,
  ZSchedule,
  ZSplit,
} from './schema.js';
import { ledgerSettings, saveLedgerSettings, ZLedgerSettings } from './settings.js';
import * as documents from '../documents/index.js';
import * as supervision from '../supervision/index.js';
import { instructItem, urgeItem } from './supervise.js';

/** 督查督办: the ledger, its workflow, views, import/export and bulletins. Each route: schema, access check, one service call. */
export const ledgerRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.ctx.db;
  const tags = ['ledger'];

  app.get('/ledger/meta', { schema: { tags } }, async (request) => {
    await requireAccess(request, 'ledger.read');
    return ledgerMeta(db, shanghaiDate());
  });

  app.get('/ledger/settings', { schema: { tags } }, async (request) => {
    await requireAccess(request, 'ledger.read');
    return ledgerSettings(db);
  });
  app.put('/ledger/settings', { schema: { tags, body: ZLedgerSettings } }, async (request) => {
    await requireAccess(request, 'ledger.manage');
    return saveLedgerSettings(db, auditActorOf(request), request.body);
  });

  app.post('/ledger/schedule', { schema: { tags, body: ZSchedule } }, async (request) => {
    await requireAccess(request, 'ledger.manage');
    return scheduleSteps(db, request.body, shanghaiDate());
  });

  app.get(
    '/ledger/items',
    { schema: { tags, querystring: ZListQuery, response: { 200: z.object({ items: z.array(ZItemView) }) } } },
    async (request) => {
      const actor = await requireAccess(request, 'ledger.read');
      return { items: await listLedger(db, actor, request.query, shanghaiDate()) };
    },
  );

  app.post(
    '/ledger/items',
    { schema: { tags, body: ZNewItem, response: { 200: z.object({ id: z.number() }) } } },
    async (request) => {
      const actor = await requireAccess(request, 'ledger.manage');
      return { id: (await createItem(db, actor, auditActorOf(request), request.body, shanghaiDate())).id };
    },
  );

  app.get(
    '/ledger/items/:id',
    { schema: { tags, params: ZIdParams, response: { 200: ZItemDetail } } },
    async (request) => {
      const { id } = request.params;
      const actor = await requireAccess(request, 'ledger.read', { kind: 'ledger_item', id });
      return itemDetail(db, actor, id, shanghaiDate());
    },
  );

  app.post(
    '/ledger/items/:id/split',
    { schema: { tags, params: ZIdParams, body: ZSplit, response: { 200: z.object({ ids: z.array(z.number()) }) } } },
    async (request) => {
      const { id } = request.params;
      const actor = await requireAccess(request, 'ledger.manage', { kind: 'ledger_item', id });
      const rows = await splitItem(db, actor, auditActorOf(request), id, request.body.parts, shanghaiDate());
      return { ids: rows.map((r) => r.id) };
    },
  );

  app.post(
    '/ledger/items/:id/actions',
    {
      schema: {
        tags,
        params: ZIdParams,
        body: ZAction,
        response: { 200: z.object({ id: z.number(), state: z.string(), version: z.number() }) },
      },
    },
    async (request) => {
      // Seeing the item is checked here; the party the actor acts as (403) and the state (409) in act().
      const { id } = request.params;
      const actor = await requireAccess(request, 'ledger.read', { kind: 'ledger_item', id });
      const row = await act(db, actor, auditActorOf(request), id, request.body, shanghaiDate());
      return { id: row.id, state: row.state, version: row.version };
    },
  );

  // 催办 (the office, an overdue item) and 批示 (a leader over one of its units); answers are /instructions/:id/answer.
  app.post(
    '/ledger/items/:id/urge',
    { schema: { tags, params: ZIdParams, body: supervision.ZUrge } },
    async (request) => {
      const { id } = request.params;
      const actor = await requireAccess(request, 'supervision.urge', { kind: 'ledger_item', id });
      return urgeItem(db, actor, auditActorOf(request), id, request.body.message, shanghaiDate());
    },
  );
  app.post(
    '/ledger/items/:id/instructions',
    { schema: { tags, params: ZIdParams, body: supervision.ZInstruct } },
    async (request) => {
      const { id } = request.params;
      const actor = await requireAccess(request, 'supervision.instruct', { kind: 'ledger_item', id });
      return instructItem(db, actor, auditActorOf(request), id, request.body.text);
    },
  );

  app.get('/ledger/counts', { schema: { tags } }, async (request) => {
    const actor = await requireAccess(request, 'ledger.read');
    return { units: await countsByUnit(db, actor, shanghaiDate()) };
  });

  app.get('/ledger/rates', { schema: { tags, querystring: ZPeriod } }, async (request) => {
    const actor = await requireAccess(request, 'ledger.read');
    return ratesFor(db, actor, request.query.period, shanghaiDate());
  });

  app.get('/ledger/export', { schema: { tags, querystring: ZListQuery } }, async (request, reply) => {
    const actor = await requireAccess(request, 'ledger.read');
    const today = shanghaiDate();
    const buffer = await exportLedger(await listLedger(db, actor, request.query, today));
    return sendFile(reply, `督办台账-${today}.xlsx`, buffer);
  });

  app.get('/ledger/import/template', { schema: { tags } }, async (request, reply) => {
    await requireAccess(request, 'ledger.manage');
    return sendFile(reply, '督办事项导入模板.xlsx', await importTemplate());
  });

  app.post('/ledger/import', { schema: { tags, consumes: ['multipart/form-data'] } }, async (request) => {
    const actor = await requireAccess(request, 'ledger.manage');
    const upload = await readUpload(request, 5 * 1024 * 1024);
    return importItems(db, actor, auditActorOf(request), upload.buffer, shanghaiDate());
  });

  app.get(
    '/ledger/bulletin',
    { schema: { tags, querystring: ZPeriod.extend({ format: z.enum(['docx', 'xlsx', 'json']).default('docx') }) } },
    async (request, reply) => {
      const actor = await requireAccess(request, 'ledger.read');
      const data = await bulletinData(db, actor, request.query.period, shanghaiDate());
      if (request.query.format === 'json') return data;
      const docx = request.query.format === 'docx';
      const buffer = docx
        ? await bulletinDocx(
            data,
            await documents.letterhead(db, actor, {
              kind: 'ledger',
              subject: request.query.period,
              today: shanghaiDate(),
            }),
          )
        : await bulletinXlsx(data);
      return sendFile(reply, `${bulletinTitle(data)}.${request.query.format}`, buffer);
    },
  );

  // The daily job also runs on demand for the office: notices carry keys, so nobody is told twice.
  app.post('/ledger/jobs/colours', { schema: { tags } }, async (request) => {
    await requireAccess(request, 'ledger.manage');
    return { result: await announceColoursNow(db, shanghaiDate()) };
  });
};
