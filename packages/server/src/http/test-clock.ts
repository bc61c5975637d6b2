import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { localDate, setTestToday } from '../jobs/clock.js';
import { FakeSmsChannel } from '../modules/notifications/index.js';
import { notFound } from '../errors.js';
import { ZDate } from './schemas.js';

/**
 * The test clock, for browser tests that must see a working-day window pass (公示's appeal window):
 * PUT /api/test/clock { today: 'YYYY-MM-DD' } moves the date every request reads; { today: null } goes
 * back to the real one. Registered only when LEITAI_TEST_CLOCK=1, which the configuration refuses in
 * production; it is not in the OpenAPI document. The daily jobs keep the real clock.
 */
export const testClockRoutes: FastifyPluginAsyncZod = async (app) => {
  const body = z.object({ today: ZDate('测试日期').nullable() });
  app.get('/test/clock', { schema: { hide: true } }, async () => ({ today: localDate() }));
  app.put('/test/clock', { schema: { hide: true, body } }, async (request) => {
    setTestToday(request.body.today);
    return { today: localDate() };
  });
};

/**
 * The fake SMS channel's last message to a number, for browser tests that must type the code a phone
 * received. Registered with the test clock (LEITAI_TEST_CLOCK=1, never in production); hidden.
 */
export const testSmsRoutes: FastifyPluginAsyncZod = async (app) => {
  const params = z.object({ phone: z.string().regex(/^1\d{10}$/) });
  app.get('/test/sms/:phone', { schema: { hide: true, params } }, async (request) => {
    const sms = app.ctx.sms;
    const last = sms instanceof FakeSmsChannel ? sms.lastTo(request.params.phone) : undefined;
    if (!last) throw notFound('短信');
    return last;
  });
};

/**
 * A fake 企业微信 group robot inside the app, for browser tests (no outside network): POST
 * /api/test/robot/send?key=… answers like the real webhook (errcode 93000 for a key starting with
 * "bad"), GET /api/test/robot lists what it accepted. Registered with the test clock; hidden.
 */
export const testRobotRoutes: FastifyPluginAsyncZod = async (app) => {
  const accepted: { key: string; content: string }[] = [];
  app.post(
    '/test/robot/send',
    {
      schema: {
        hide: true,
        querystring: z.object({ key: z.string() }),
        body: z.object({ msgtype: z.string(), markdown: z.object({ content: z.string() }) }),
      },
    },
    async (request) => {
      if (request.query.key.startsWith('bad')) return { errcode: 93000, errmsg: 'invalid webhook url' };
      accepted.push({ key: request.query.key, content: request.body.markdown.content });
      if (accepted.length > 200) accepted.shift();
      return { errcode: 0, errmsg: 'ok' };
    },
  );
  app.get('/test/robot', { schema: { hide: true } }, async () => ({ accepted }));
};
