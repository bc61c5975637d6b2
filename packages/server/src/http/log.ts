import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import pino from 'pino';

/**
 * What the server log may hold. A failed query's error carries its parameters (password hashes, screen tokens,
 * people's names) and PostgreSQL's message can quote a value: the log keeps the error's class, the database's
 * error code, the constraint or table, and the statement with its placeholders — never a value. Known secret
 * fields are redacted wherever they appear.
 */
export interface SafeError {
  type: string;
  message: string;
  code?: string;
  constraint?: string;
  table?: string;
  statement?: string;
  stack?: string;
}

interface QueryFailure {
  query: string;
  params: unknown[];
  cause?: { code?: string; constraint?: string; table?: string };
}

const isQueryFailure = (err: object): err is QueryFailure =>
  'query' in err && typeof err.query === 'string' && 'params' in err;

export function safeError(err: unknown): SafeError {
  if (!(err instanceof Error)) return { type: typeof err, message: 'non-error thrown' };
  if (isQueryFailure(err)) {
    const cause = err.cause ?? {};
    return {
      type: err.constructor.name,
      message: 'database query failed',
      ...(cause.code ? { code: cause.code } : {}),
      ...(cause.constraint ? { constraint: cause.constraint } : {}),
      ...(cause.table ? { table: cause.table } : {}),
      statement: err.query.replace(/\s+/g, ' ').slice(0, 300),
      // The stack's head repeats the message (and so the parameters): keep only the frames.
      ...(err.stack ? { stack: frames(err.stack) } : {}),
    };
  }
  const code = (err as { code?: unknown }).code;
  return {
    type: err.constructor.name,
    message: err.message,
    ...(typeof code === 'string' ? { code } : {}),
    ...(err.stack ? { stack: err.stack } : {}),
  };
}

const frames = (stack: string) =>
  stack
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, 8)
    .join('\n');

export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  '*.password',
  '*.passwordHash',
  '*.token',
  '*.secret',
];

/** Pino options: JSON lines (pretty only for a person at a terminal in development), errors made safe. */
export function loggerOptions(level: string, pretty: boolean): object {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: { err: safeError },
    // Lines are written to stdout asynchronously: a synchronous write per request cost a third of the
    // framework's floor (bench:floor). Pino flushes what is pending when the process exits.
    ...(pretty ? { transport: { target: 'pino-pretty' } } : { stream: pino.destination({ dest: 1, sync: false }) }),
  };
}

/** One line per request, when it is answered (Fastify's own controller writes two: incoming and completed). */
export class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = {
      method: request.method,
      url: request.url.split('?')[0],
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
    };
    if (error) request.log.error({ ...line, err: error }, 'request failed');
    else request.log.info(line, 'request');
  }
}
