import { DEFAULT_RATING_SETTINGS } from '@leitai/core';
import { ratingPoints, ratings } from '../../src/db/schema/index.js';
import { encryptPhone, ratingKeys } from '../../src/modules/ratings/index.js';
import { testConfig } from '../harness.js';
import { multipartFile, type Fixture, type MatrixRow, type Target } from './types.js';

/** 群众评价 (issue 13): points and posters, figures, the review queue, call-backs and appeals. */
const Y = new Date().getFullYear();
const readers = { organiser: 'any', leader: 'own', unit_head: 'own', reporter: 'own' } as const;
const office = { organiser: 'any' } as const;
/** Points are kept by the office and the unit's head. */
const keepers = { organiser: 'any', unit_head: 'own' } as const;
/** The rated unit's people call back and appeal; the office decides. */
const rated = { unit_head: 'own', reporter: 'own' } as const;
const range = `from=${Y}-01-01&to=${Y}-12-31`;

const points = new Map<Target, Promise<number>>();
/** One rating point in unit A or B. */
function point(f: Fixture, t: Target): Promise<number> {
  if (!points.has(t))
    points.set(
      t,
      f.db
        .insert(ratingPoints)
        .values({
          unitId: f.unitOf(t),
          officeUnitId: f.office,
          name: `矩阵窗口${f.next()}`,
          kind: 'window',
          code: `matrix${t}${f.next()}code`,
        })
        .returning({ id: ratingPoints.id })
        .then((r) => r[0]!.id),
    );
  return points.get(t)!;
}

/** A fresh bad rating with a phone in unit A or B; `held` waits in the review queue. */
async function rating(f: Fixture, t: Target, opts: { held?: boolean } = {}): Promise<number> {
  const n = f.next();
  const [row] = await f.db
    .insert(ratings)
    .values({
      pointId: await point(f, t),
      unitId: f.unitOf(t),
      stars: 2,
      reason: '服务态度差',
      deviceId: `matrix-device-${n}`,
      periodStart: `${Y}-06-01`,
      ratedOn: `${Y}-06-01`,
      phoneCipher: encryptPhone(ratingKeys(testConfig().secret), '13900001111'),
      lookupCode: `M${String(n).padStart(9, '0')}`,
      review: opts.held ? 'held' : 'none',
    })
    .returning({ id: ratings.id });
  return row!.id;
}

export const rows: MatrixRow[] = [
  {
    route: 'GET /api/ratings/settings',
    otherOffice: 'tree-wide',
    allow: readers,
    request: () => ({ method: 'GET', url: '/api/ratings/settings' }),
  },
  {
    route: 'PUT /api/ratings/settings',
    otherOffice: 'tree-wide',
    allow: office,
    request: () => ({ method: 'PUT', url: '/api/ratings/settings', payload: { ...DEFAULT_RATING_SETTINGS } }),
  },
  {
    route: 'GET /api/ratings/points',
    otherOffice: 'allowed',
    allow: readers,
    request: () => ({ method: 'GET', url: '/api/ratings/points' }),
  },
  {
    route: 'POST /api/ratings/points',
    allow: keepers,
    scoped: true,
    request: (f, t) => ({
      method: 'POST',
      url: '/api/ratings/points',
      payload: { unitId: f.unitOf(t), points: [{ name: `矩阵评价点${f.next()}`, kind: 'window' }] },
    }),
  },
  {
    route: 'PATCH /api/ratings/points/:id',
    allow: keepers,
    scoped: true,
    request: async (f, t) => ({
      method: 'PATCH',
      url: `/api/ratings/points/${await point(f, t)}`,
      payload: { active: true },
    }),
  },
  {
    route: 'GET /api/ratings/points/template',
    otherOffice: 'allowed',
    allow: keepers,
    request: () => ({ method: 'GET', url: '/api/ratings/points/template' }),
  },
  {
    route: 'POST /api/ratings/points/import',
    otherOffice: 'allowed',
    allow: keepers,
    allowedStatus: [422],
    request: () => ({
      method: 'POST',
      url: '/api/ratings/points/import',
      ...multipartFile('x.xlsx', 'not a spreadsheet'),
    }),
  },
  {
    route: 'GET /api/ratings/points/:id/qr.png',
    allow: readers,
    scoped: true,
    request: async (f, t) => ({ method: 'GET', url: `/api/ratings/points/${await point(f, t)}/qr.png` }),
  },
  {
    route: 'GET /api/ratings/posters.pdf',
    otherOffice: 'allowed',
    allow: readers,
    // Without a point in the reader's scope there is nothing to print (400), which still means "let in".
    allowedStatus: [400],
    request: () => ({ method: 'GET', url: '/api/ratings/posters.pdf?size=A5' }),
  },
  {
    route: 'GET /api/ratings/overview',
    otherOffice: 'allowed',
    allow: readers,
    request: () => ({ method: 'GET', url: `/api/ratings/overview?${range}` }),
  },
  {
    route: 'GET /api/ratings/export.xlsx',
    otherOffice: 'allowed',
    allow: readers,
    request: () => ({ method: 'GET', url: `/api/ratings/export.xlsx?${range}` }),
  },
  {
    route: 'GET /api/ratings/bulletin',
    otherOffice: 'allowed',
    allow: readers,
    request: () => ({ method: 'GET', url: `/api/ratings/bulletin?${range}&format=xlsx` }),
  },
  {
    route: 'GET /api/ratings/rankings',
    otherOffice: 'allowed',
    allow: office,
    request: () => ({ method: 'GET', url: '/api/ratings/rankings' }),
  },
  {
    route: 'POST /api/ratings/rankings',
    otherOffice: 'allowed',
    allow: office,
    request: () => ({
      method: 'POST',
      url: '/api/ratings/rankings',
      payload: { from: `${Y}-01-01`, to: `${Y}-12-31` },
    }),
  },
  {
    route: 'GET /api/ratings/list',
    otherOffice: 'allowed',
    allow: readers,
    request: () => ({ method: 'GET', url: '/api/ratings/list?bad=1' }),
  },
  {
    route: 'POST /api/ratings/:id/review',
    allow: office,
    scoped: true,
    request: async (f, t) => ({
      method: 'POST',
      url: `/api/ratings/${await rating(f, t, { held: true })}/review`,
      payload: { release: false, reason: '矩阵' },
    }),
  },
  {
    route: 'POST /api/ratings/:id/callback',
    allow: rated,
    scoped: true,
    request: async (f, t) => ({
      method: 'POST',
      url: `/api/ratings/${await rating(f, t)}/callback`,
      payload: { caller: '矩阵回访人', at: `${Y}-06-02T09:00:00+08:00`, outcome: '已回访说明' },
    }),
  },
  {
    route: 'POST /api/ratings/:id/phone',
    allow: rated,
    scoped: true,
    request: async (f, t) => ({ method: 'POST', url: `/api/ratings/${await rating(f, t)}/phone` }),
  },
  {
    route: 'POST /api/ratings/:id/appeal',
    allow: rated,
    scoped: true,
    request: async (f, t) => ({
      method: 'POST',
      url: `/api/ratings/${await rating(f, t)}/appeal`,
      payload: { reason: '矩阵申诉理由说明', fileIds: [] },
    }),
  },
  {
    route: 'POST /api/ratings/:id/decide',
    allow: office,
    scoped: true,
    // No appeal is pending on a fresh rating: 409 after access passed.
    allowedStatus: [409],
    request: async (f, t) => ({
      method: 'POST',
      url: `/api/ratings/${await rating(f, t)}/decide`,
      payload: { uphold: false, reason: '矩阵审核' },
    }),
  },
];
