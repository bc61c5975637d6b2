import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { ScoringInputError } from '@leitai/core';
import { AppError } from '../errors.js';
import { recordAudit } from '../modules/audit/index.js';
import { auditActorOf } from './guard.js';

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

/** One place turns every error into `{ error: { code, message, details } }`; 5xx details stay in the log. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(async (err: FastifyError, request, reply) => {
    const send = (status: number, body: ErrorBody) => reply.status(status).send(body);
    if (err instanceof AppError) {
      if ((err.code === 'FORBIDDEN' || err.code === 'NOT_FOUND') && request.user) await recordRefusal(request, err);
      return send(err.status, {
        error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) },
      });
    }
    // A rule in core refused its input (a score above its maximum, a bad calendar date…): the message names the item.
    if (err instanceof ScoringInputError)
      return send(422, { error: { code: 'RULE_VIOLATION', message: err.message, details: { item: err.item } } });
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        path: [err.validationContext, ...v.instancePath.split('/').filter(Boolean)].join('.'),
        message: v.message ?? '格式不正确',
      }));
      return send(400, {
        error: {
          code: 'VALIDATION_FAILED',
          message: `输入有误：${issues.map((i) => `${i.path} ${i.message}`).join('；')}`,
          details: { issues },
        },
      });
    }
    if (err instanceof ZodError) {
      const issues = err.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      return send(400, {
        error: {
          code: 'VALIDATION_FAILED',
          message: `输入有误：${issues.map((i) => `${i.path} ${i.message}`).join('；')}`,
          details: { issues },
        },
      });
    }
    if (err.statusCode === 429)
      return send(429, { error: { code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' } });
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return send(err.statusCode, { error: { code: err.code ?? 'BAD_REQUEST', message: err.message } });
    }
    request.log.error({ err }, 'unhandled error');
    return send(500, { error: { code: 'INTERNAL', message: '服务器内部错误，请稍后再试或联系管理员' } });
  });
}

/**
 * A signed-in person refused (403), or told a record is not there when it is another unit's (404): on the
 * record, so an auditor sees someone probing other units' data. Anonymous refusals are counted by the rate
 * limits instead, or one script could fill the log. A failure to record does not change the answer.
 */
async function recordRefusal(request: FastifyRequest, err: AppError): Promise<void> {
  try {
    await request.server.ctx.db.transaction((tx) =>
      recordAudit(tx, auditActorOf(request), {
        action: 'access.denied',
        targetType: 'route',
        targetId: `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`,
        unitId: request.user?.actor.unitId ?? null,
        after: { status: err.status, code: err.code, path: request.url.split('?')[0], message: err.message },
      }),
    );
  } catch (e) {
    request.log.error({ err: e }, 'audit: refusal not recorded');
  }
}

export const routeNotFound = (method: string, url: string) => ({
  error: { code: 'NOT_FOUND', message: `没有这个接口：${method} ${url.split('?')[0]}` },
});
