import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireAccess, requireScope } from '../../http/access.js';
import { auditActorOf } from '../../http/guard.js';
import { readUpload, sendFile } from '../../http/upload.js';
import { shanghaiDate } from '../../jobs/clock.js';
import { bulletinDocx, bulletinXlsx, projectBulletin } from './bulletin.js';
import { exportRegister, importProjects, projectTemplate } from './excel.js';
import { decidePlanChange, recordInterviewHeld, requestPlanChange } from './plans.js';
import { createProject, projectChoices, updateRegister } from './register.js';
import {
  ZBulletinQuery,
  ZChangeDecision,
  ZChangeRequest,
  ZIdParams,
  ZInterviewRecord,
  ZListQuery,
  ZNewProject,
  ZProjectEdit,
  ZSteps,
  ZYearQuery,
} from './schema.js';
import { projectSettings, saveProjectSettings, ZProjectSettingsInput } from './settings.js';
import { scheduleSteps } from './steps.js';
import { dashboardView, detailView, ganttView, listView } from './views.js';
import * as documents from '../documents/index.js';

/** 重点项目: the register, its plans and changes, the battle map, the dashboard, interviews. Each route: schema, access check, one service call. */
export const projectRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.ctx.db;
  const tags = ['projects'];

  app.get('/projects', { schema: { tags, querystring: ZListQuery } }, async (request) => {
    const { actor, scope } = requireScope(request, 'project.read');
    return listView(db, actor, scope, request.query, shanghaiDate());
  });

  app.get('/projects/export', { schema: { tags, querystring: ZListQuery } }, async (request, reply) => {
    const { actor, scope } = requireScope(request, 'project.read');
    const view = await ganttView(db, actor, scope, request.query, shanghaiDate());
    return sendFile(reply, `重点项目库-${request.query.year}.xlsx`, await exportRegister(view.rows, view.period));
  });

  app.get('/projects/gantt', { schema: { tags, querystring: ZListQuery } }, async (request) => {
    const { actor, scope } = requireScope(request, 'project.read');
    return ganttView(db, actor, scope, request.query, shanghaiDate());
  });

  app.get('/projects/dashboard', { schema: { tags, querystring: ZListQuery } }, async (request) => {
    const { actor, scope } = requireScope(request, 'project.read');
    return dashboardView(db, actor, scope, request.query, shanghaiDate());
  });

  // Of the projects the viewer may read, like the register: a unit's bulletin is its own projects'.
  app.get('/projects/bulletin', { schema: { tags, querystring: ZBulletinQuery } }, async (request, reply) => {
    const { actor, scope } = requireScope(request, 'project.read');
    const data = await projectBulletin(db, actor, scope, request.query, shanghaiDate());
    if (request.query.format === 'json') return data;
    const docx = request.query.format === 'docx';
    const subject = `${request.query.year}:${request.query.period ?? ''}:${scope.kind}`;
    const buffer = docx
      ? await bulletinDocx(
          data,
          await documents.letterhead(db, actor, { kind: 'projects', subject: subject, today: shanghaiDate() }),
        )
      : await bulletinXlsx(data);
    return sendFile(reply, `${data.title}.${request.query.format}`, buffer);
  });

  app.get('/projects/settings', { schema: { tags } }, async (request) => {
    await requireAccess(request, 'project.read');
    return projectSettings(db);
  });
  app.put('/projects/settings', { schema: { tags, body: ZProjectSettingsInput } }, async (request) => {
    await requireAccess(request, 'project.manage');
    return saveProjectSettings(db, auditActorOf(request), request.body);
  });

  app.get('/projects/import/template', { schema: { tags, querystring: ZYearQuery } }, async (request, reply) => {
    await requireAccess(request, 'project.manage');
    return sendFile(reply, `重点项目导入模板-${request.query.year}.xlsx`, await projectTemplate(request.query.year));
  });
  app.post('/projects/import', { schema: { tags, querystring: ZYearQuery } }, async (request) => {
    const actor = await requireAccess(request, 'project.manage');
    const upload = await readUpload(request);
    return importProjects(db, actor, auditActorOf(request), upload.buffer, request.query.year);
  });

  app.get('/projects/choices', { schema: { tags } }, async (request) => {
    const { scope } = requireScope(request, 'project.manage');
    return projectChoices(db, scope);
  });

  app.post('/projects', { schema: { tags, body: ZNewProject } }, async (request) => {
    const actor = await requireAccess(request, 'project.manage', { unitId: request.body.unitId });
    return { id: (await createProject(db, actor, auditActorOf(request), request.body)).id };
  });

  app.get('/projects/:id', { schema: { tags, params: ZIdParams, querystring: ZYearQuery } }, async (request) => {
    const actor = await requireAccess(request, 'project.read', { kind: 'project', id: request.params.id });
    return detailView(db, actor, request.params.id, request.query.year, shanghaiDate());
  });

  app.put('/projects/:id', { schema: { tags, params: ZIdParams, body: ZProjectEdit } }, async (request) => {
    await requireAccess(request, 'project.manage', { kind: 'project', id: request.params.id });
    const row = await updateRegister(db, auditActorOf(request), request.params.id, request.body);
    return { id: row.id, version: row.version };
  });

  app.post(
    '/projects/:id/plan-changes',
    { schema: { tags, params: ZIdParams, body: ZChangeRequest } },
    async (request) => {
      const actor = await requireAccess(request, 'project.report', {
        kind: 'project',
        id: request.params.id,
        party: 'unit',
      });
      return requestPlanChange(db, actor, auditActorOf(request), request.params.id, request.body);
    },
  );

  app.post(
    '/projects/plan-changes/:id/decision',
    { schema: { tags, params: ZIdParams, body: ZChangeDecision } },
    async (request) => {
      const actor = await requireAccess(request, 'project.manage', { kind: 'project_change', id: request.params.id });
      return decidePlanChange(db, actor, auditActorOf(request), request.params.id, request.body);
    },
  );

  app.put(
    '/projects/:id/steps',
    { schema: { tags, params: ZIdParams, querystring: ZYearQuery, body: ZSteps } },
    async (request) => {
      await requireAccess(request, 'project.report', { kind: 'project', id: request.params.id, party: 'unit' });
      return scheduleSteps(
        db,
        auditActorOf(request),
        request.params.id,
        { year: request.query.year, ...request.body },
        shanghaiDate(),
      );
    },
  );

  app.post(
    '/projects/interviews/:id/record',
    { schema: { tags, params: ZIdParams, body: ZInterviewRecord } },
    async (request) => {
      const actor = await requireAccess(request, 'project.interview', {
        kind: 'project_interview',
        id: request.params.id,
      });
      return recordInterviewHeld(db, actor, auditActorOf(request), request.params.id, request.body, shanghaiDate());
    },
  );
};
