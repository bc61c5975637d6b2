import { DEFAULT_CRITERIA, initialHostState, type Actor, type HostState } from '@leitai/core';
import type { AuditActor } from '../../src/modules/audit/index.js';
import { contestantsOf, createArena, drawArena, judgesOf, saveState } from '../../src/modules/arena/index.js';
import { eq } from 'drizzle-orm';
import { users } from '../../src/db/schema/index.js';
import { everyone, multipartFile, type Fixture, type MatrixRow, type Target } from './types.js';

/**
 * 擂台赛 (issue 6), the office's and the audience's side; judges' phones and the big screen hold no
 * account and are in public.ts. An arena is a district-wide event whose ranking is published, so
 * arena.read is not limited to the contestants' units: the read rows run on an arena where only unit A
 * competes and on one where only unit B does, and a head of A reads both.
 */
const office = { organiser: 'any' } as const;
const readers = { organiser: 'any', leader: 'any', unit_head: 'any', org_dept: 'any' } as const;
const setUpBy: AuditActor = { id: null, name: '矩阵测试', address: null };
/** The root office's organiser, as the services take one, who sets the rows' arenas up. */
const officeActor = (f: Fixture): Actor => ({
  userId: f.victimOf('own'),
  unitId: f.office,
  unitPath: `/${f.office}/`,
  roles: ['organiser'],
  overseenUnitPaths: [],
  office: { unitId: f.office, path: `/${f.office}/` },
});

interface Options {
  /** Whose unit competes: A, B, or both. */
  contestants?: Target | 'both';
  drawn?: boolean;
  /** Every contestant closed and the arena finished, so its result is published. */
  finished?: boolean;
  /** An account that judges the arena besides the outside judge. */
  accountJudge?: number;
}

async function arena(f: Fixture, opts: Options = {}): Promise<number> {
  const who = opts.contestants ?? 'both';
  const units = who === 'both' ? [f.units.a, f.units.b] : [f.unitOf(who)];
  const { id } = await createArena(f.db, setUpBy, officeActor(f), {
    title: `矩阵擂台赛${f.next()}`,
    heldOn: `${new Date().getFullYear()}-03-28`,
    campaignId: null,
    speakingSeconds: 300,
    criteria: DEFAULT_CRITERIA.map((c) => ({ ...c })),
    groups: [{ id: '领导评委', weight: 1 }],
    contestants: units.map((unitId) => ({ unitId, presenter: '' })),
    judges: [
      { name: '评委一', groupId: '领导评委', unitId: null },
      ...(opts.accountJudge ? [{ name: '', groupId: '领导评委', unitId: null, userId: opts.accountJudge }] : []),
    ],
    tieBreakers: [],
  });
  if (opts.drawn || opts.finished) await drawArena(f.db, setUpBy, id, `seed${id}`);
  if (opts.finished) {
    const order = (await contestantsOf(f.db, id)).map((c) => String(c.id));
    const state: HostState = {
      ...initialHostState(order),
      status: 'finished',
      phases: Object.fromEntries(order.map((c) => [c, 'closed' as const])),
    };
    await saveState(f.db, id, state, { finishedAt: new Date() });
  }
  return id;
}

const cache = new Map<string, Promise<number>>();
const sharedArena = (f: Fixture, t: Target) => {
  const key = `finished:${t}`;
  if (!cache.has(key)) cache.set(key, arena(f, { contestants: t, finished: true }));
  return cache.get(key)!;
};
const url = async (f: Fixture, t: Target, tail = '') => `/api/arenas/${await sharedArena(f, t)}${tail}`;

/** The matrix's judge-role account (m_judge) judges this arena: only it may score there; the role alone is nothing. */
const judgeUserId = async (f: Fixture): Promise<number> => {
  const [row] = await f.db.select({ id: users.id }).from(users).where(eq(users.username, 'm_judge'));
  return row!.id;
};
let judgedArena: Promise<{ id: number; contestant: number }> | undefined;
const liveJudgedArena = (f: Fixture) =>
  (judgedArena ??= (async () => {
    // Only unit B competes: m_judge sits in unit A and would be recused from A.
    const id = await arena(f, { contestants: 'other', drawn: true, accountJudge: await judgeUserId(f) });
    const order = (await contestantsOf(f.db, id)).map((c) => String(c.id));
    const state: HostState = {
      ...initialHostState(order),
      status: 'live',
      current: order[0]!,
      phases: { [order[0]!]: 'scoring' as const },
    };
    await saveState(f.db, id, state);
    return { id, contestant: Number(order[0]) };
  })());

export const rows: MatrixRow[] = [
  {
    route: 'GET /api/arenas/options/judges',
    otherOffice: 'allowed',
    allow: office,
    request: () => ({ method: 'GET', url: '/api/arenas/options/judges' }),
  },
  {
    route: 'GET /api/arenas/options/judges/template',
    otherOffice: 'allowed',
    allow: office,
    request: () => ({ method: 'GET', url: '/api/arenas/options/judges/template' }),
  },
  // Reads a sheet into the form and writes nothing; a refused file (422) is allowed, a 403 is not.
  {
    route: 'POST /api/arenas/options/judges/import',
    otherOffice: 'allowed',
    allow: office,
    allowedStatus: [422],
    request: () => ({
      method: 'POST',
      url: '/api/arenas/options/judges/import',
      ...multipartFile('x.xlsx', 'not a spreadsheet'),
    }),
  },
  // A judge's home: every signed-in account sees the arenas it judges (most see none).
  {
    route: 'GET /api/judging',
    otherOffice: 'allowed',
    allow: everyone,
    request: () => ({ method: 'GET', url: '/api/judging' }),
  },
  // Scoring signed in: only the account that judges the arena, whatever its roles (403 for every other).
  {
    route: 'GET /api/judging/:id/state',
    allow: { judge: 'any' },
    request: async (f) => ({ method: 'GET', url: `/api/judging/${(await liveJudgedArena(f)).id}/state` }),
  },
  {
    route: 'PUT /api/judging/:id/scores/:contestantId',
    allow: { judge: 'any' },
    request: async (f) => {
      const a = await liveJudgedArena(f);
      return {
        method: 'PUT',
        url: `/api/judging/${a.id}/scores/${a.contestant}`,
        payload: { criteria: { 实绩: 35, 举措: 25, 表现: 16, 作风: 8 }, reason: null },
      };
    },
  },
  {
    route: 'GET /api/arenas',
    otherOffice: 'allowed',
    allow: readers,
    request: () => ({ method: 'GET', url: '/api/arenas' }),
  },
  {
    route: 'POST /api/arenas',
    allow: office,
    request: (f) => ({
      method: 'POST',
      url: '/api/arenas',
      payload: {
        title: `矩阵新擂台${f.next()}`,
        heldOn: `${new Date().getFullYear()}-06-28`,
        groups: [{ id: '领导评委', weight: 1 }],
        contestants: [{ unitId: f.units.a }, { unitId: f.units.b }],
        judges: [{ name: '评委甲', groupId: '领导评委' }],
      },
    }),
  },
  {
    route: 'GET /api/arenas/options/units',
    otherOffice: 'allowed',
    allow: office,
    request: () => ({ method: 'GET', url: '/api/arenas/options/units' }),
  },
  {
    route: 'GET /api/arenas/:id',
    allow: readers,
    scoped: true,
    request: async (f, t) => ({ method: 'GET', url: await url(f, t) }),
  },
  {
    route: 'POST /api/arenas/:id/draw',
    allow: office,
    request: async (f) => ({ method: 'POST', url: `/api/arenas/${await arena(f)}/draw`, payload: { seed: 'matrix' } }),
  },
  {
    route: 'POST /api/arenas/:id/recusals',
    allow: office,
    request: async (f) => {
      const id = await arena(f);
      const [[judge], [contestant]] = await Promise.all([judgesOf(f.db, id), contestantsOf(f.db, id)]);
      return {
        method: 'POST',
        url: `/api/arenas/${id}/recusals`,
        payload: { judgeId: judge!.id, contestantId: contestant!.id, reason: '曾在该单位任职' },
      };
    },
  },
  {
    route: 'POST /api/arenas/:id/codes',
    allow: office,
    request: async (f) => ({ method: 'POST', url: `/api/arenas/${await arena(f)}/codes`, payload: {} }),
  },
  {
    route: 'POST /api/arenas/:id/codes.pdf',
    allow: office,
    request: async (f) => ({ method: 'POST', url: `/api/arenas/${await arena(f)}/codes.pdf` }),
  },
  {
    route: 'POST /api/arenas/:id/host',
    allow: office,
    request: async (f) => ({
      method: 'POST',
      url: `/api/arenas/${await arena(f, { drawn: true })}/host`,
      payload: { type: 'start' },
    }),
  },
  {
    route: 'GET /api/arenas/:id/live',
    allow: readers,
    scoped: true,
    request: async (f, t) => ({ method: 'GET', url: await url(f, t, '/live') }),
  },
  // A server-sent event stream: judged by its status, then closed.
  {
    route: 'GET /api/arenas/:id/events',
    allow: readers,
    request: async (f) => ({ method: 'GET', url: await url(f, 'own', '/events'), payloadAsStream: true }),
  },
  {
    route: 'GET /api/arenas/:id/result',
    allow: readers,
    scoped: true,
    request: async (f, t) => ({ method: 'GET', url: await url(f, t, '/result') }),
  },
  {
    route: 'GET /api/arenas/:id/result.xlsx',
    allow: readers,
    scoped: true,
    request: async (f, t) => ({ method: 'GET', url: await url(f, t, '/result.xlsx') }),
  },
  {
    route: 'GET /api/arenas/:id/brief',
    allow: office,
    request: async (f) => ({ method: 'GET', url: await url(f, 'own', '/brief') }),
  },
  {
    route: 'GET /api/arenas/:id/brief.docx',
    allow: office,
    request: async (f) => ({ method: 'GET', url: await url(f, 'own', '/brief.docx') }),
  },
  {
    route: 'GET /api/arenas/:id/commitments',
    allow: readers,
    scoped: true,
    request: async (f, t) => ({ method: 'GET', url: await url(f, t, '/commitments') }),
  },
  {
    route: 'POST /api/arenas/:id/commitments',
    allow: office,
    request: async (f) => {
      const id = await sharedArena(f, 'own');
      const [contestant] = await contestantsOf(f.db, id);
      return {
        method: 'POST',
        url: `/api/arenas/${id}/commitments`,
        payload: {
          contestantId: contestant!.id,
          title: '年内新增规上企业 15 家',
          deadline: `${new Date().getFullYear() + 1}-12-31`,
        },
      };
    },
  },
  {
    route: 'GET /api/arenas/:id/result.docx',
    allow: readers,
    scoped: true,
    request: async (f, t) => ({ method: 'GET', url: await url(f, t, '/result.docx') }),
  },
];
