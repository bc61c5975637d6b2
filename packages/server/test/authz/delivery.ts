import { deliveries, deliveryRobots, notifications, users } from '../../src/db/schema/index.js';
import { everyone, type Fixture, type MatrixRow, type Target } from './types.js';

/** Notices outside the app: the office keeps robots, quiet hours and dead letters; everyone their own channels. */
async function robot(f: Fixture, target: Target): Promise<number> {
  const [row] = await f.db
    .insert(deliveryRobots)
    .values({
      unitId: f.unitOf(target),
      kind: 'wecom',
      name: `矩阵机器人${f.next()}`,
      webhook: 'http://127.0.0.1:9/cgi-bin/webhook/send?key=matrix',
    })
    .returning({ id: deliveryRobots.id });
  return row!.id;
}

async function deadLetter(f: Fixture): Promise<number> {
  const [user] = await f.db.select({ id: users.id }).from(users).limit(1);
  const [notice] = await f.db
    .insert(notifications)
    .values({ userId: user!.id, kind: 'matrix', title: '矩阵通知' })
    .returning({ id: notifications.id });
  const [row] = await f.db
    .insert(deliveries)
    .values({
      channel: 'wecom',
      robotId: await robot(f, 'own'),
      notificationIds: [notice!.id],
      title: '矩阵通知',
      state: 'dead',
      notBefore: new Date(),
      lastError: 'errcode 93000',
    })
    .returning({ id: deliveries.id });
  return row!.id;
}

export const rows: MatrixRow[] = [
  {
    route: 'GET /api/delivery/settings',
    otherOffice: 'tree-wide',
    allow: { organiser: 'any' },
    request: () => ({ method: 'GET', url: '/api/delivery/settings' }),
  },
  {
    route: 'PUT /api/delivery/settings',
    otherOffice: 'tree-wide',
    allow: { organiser: 'any' },
    request: () => ({
      method: 'PUT',
      url: '/api/delivery/settings',
      payload: { quiet: { start: 1200, end: 480, holdOnDaysOff: true } },
    }),
  },
  {
    route: 'GET /api/delivery/robots',
    otherOffice: 'tree-wide',
    allow: { organiser: 'any' },
    request: () => ({ method: 'GET', url: '/api/delivery/robots' }),
  },
  {
    route: 'POST /api/delivery/robots',
    allow: { organiser: 'any' },
    scoped: true,
    request: (f, target) => ({
      method: 'POST',
      url: '/api/delivery/robots',
      payload: {
        unitId: f.unitOf(target),
        kind: 'dingtalk',
        name: `矩阵钉钉${f.next()}`,
        webhook: 'https://oapi.dingtalk.com/robot/send?access_token=matrix',
        secret: 'SECmatrix',
        keywords: ['通知'],
      },
    }),
  },
  {
    route: 'PATCH /api/delivery/robots/:id',
    allow: { organiser: 'any' },
    scoped: true,
    request: async (f, target) => ({
      method: 'PATCH',
      url: `/api/delivery/robots/${await robot(f, target)}`,
      payload: { enabled: false },
    }),
  },
  {
    route: 'DELETE /api/delivery/robots/:id',
    allow: { organiser: 'any' },
    scoped: true,
    request: async (f, target) => ({ method: 'DELETE', url: `/api/delivery/robots/${await robot(f, target)}` }),
  },
  {
    route: 'GET /api/delivery/dead-letters',
    otherOffice: 'tree-wide',
    allow: { organiser: 'any' },
    request: () => ({ method: 'GET', url: '/api/delivery/dead-letters' }),
  },
  {
    route: 'POST /api/delivery/dead-letters/:id/retry',
    otherOffice: 'tree-wide',
    allow: { organiser: 'any' },
    request: async (f) => ({ method: 'POST', url: `/api/delivery/dead-letters/${await deadLetter(f)}/retry` }),
  },
  {
    route: 'GET /api/notifications/channels',
    otherOffice: 'allowed',
    allow: everyone,
    request: () => ({ method: 'GET', url: '/api/notifications/channels' }),
  },
  {
    route: 'PUT /api/notifications/channels',
    otherOffice: 'allowed',
    allow: everyone,
    request: () => ({
      method: 'PUT',
      url: '/api/notifications/channels',
      payload: { phone: '13800138000', smsOn: false, email: 'a@example.cn', emailOn: false },
    }),
  },
];
