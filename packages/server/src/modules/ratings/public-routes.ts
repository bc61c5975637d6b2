import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../errors.js';
import { headerToken, issueDeviceToken, verifyDeviceToken } from '../../http/public/index.js';
import type { RatingKeys } from './keys.js';
import { followUp, lookup, pointForm } from './public.js';
import { publicRanking } from './rankings.js';
import { sendPhoneCode } from './phone-codes.js';
import { ZCode, ZFollowUp, ZIdParams, ZLookup, ZPhone, ZSubmission } from './schema.js';
import { submitRating } from './submit.js';

/**
 * The citizen's side, without an account (registered through http/public, listed in test/authz/public.ts):
 * the QR page's form, the device token that makes "once per device" possible, the rating itself, and
 * the lookup page with its one follow-up. The token travels in the `x-device-token` header, never a URL.
 */
export const ratingsPublicRoutes: FastifyPluginAsyncZod<{ keys: RatingKeys }> = async (app, { keys }) => {
  const db = app.ctx.db;
  const tags = ['ratings-public'];
  // One phone in a hall of phones: generous per address, tight enough that a script gains little.
  const writeLimit = { rateLimit: { max: 120, timeWindow: '1 minute' } };

  app.get('/public/points/:code', { schema: { tags, params: ZCode } }, async (request) =>
    pointForm(db, request.params.code),
  );
  app.post('/public/device', { schema: { tags }, config: writeLimit }, async () => ({
    token: issueDeviceToken(keys.deviceSecret).token,
  }));
  app.post(
    '/public/points/:code/ratings',
    { schema: { tags, params: ZCode, body: ZSubmission }, config: writeLimit },
    async (request) => {
      const deviceId = verifyDeviceToken(keys.deviceSecret, headerToken(request, 'x-device-token'));
      if (!deviceId) throw new AppError('VALIDATION_FAILED', '设备标识无效，请刷新页面后重新评价');
      return submitRating(db, keys, { code: request.params.code, deviceId, ip: request.ip }, request.body);
    },
  );
  // 公开排名: what the office published for 媒体问效, the newest or one version by its number.
  app.get('/public/rankings/latest', { schema: { tags } }, async () => publicRanking(db));
  app.get('/public/rankings/:id', { schema: { tags, params: ZIdParams } }, async (request) =>
    publicRanking(db, request.params.id),
  );
  // 短信验证码 for a real-name bad rating where the office requires it; the rule limits each number too.
  app.post(
    '/public/phone-codes',
    { schema: { tags, body: ZPhone }, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (request) => sendPhoneCode(db, keys, app.ctx.sms, request.body.phone),
  );
  app.get('/public/lookup/:lookup', { schema: { tags, params: ZLookup } }, async (request) =>
    lookup(db, request.params.lookup),
  );
  app.post(
    '/public/lookup/:lookup/follow-up',
    { schema: { tags, params: ZLookup, body: ZFollowUp }, config: writeLimit },
    async (request) => followUp(db, request.params.lookup, request.body),
  );
};
