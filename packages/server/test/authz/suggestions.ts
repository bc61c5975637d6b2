import { and, like, ne } from 'drizzle-orm';
import { suggestionReviews, suggestionRounds, suggestions, users } from '../../src/db/schema/index.js';
import { DEFAULT_REWARD_LEVELS, DEFAULT_SUGGESTION_CRITERIA } from '@leitai/core';
import type { Fixture, MatrixRow, Target } from './types.js';

/**
 * 金点子 (issue 16): every official submits to the rounds of the offices above him (an organiser only to his own
 * office's, so B's organiser is refused the root's round); the office runs the round; reviewers score what
 * they are assigned; leaders read the office's results; a unit's head reads his unit's ideas.
 */
const office = { organiser: 'any' } as const;
const submitters = { organiser: 'any', leader: 'any', unit_head: 'any', reporter: 'any', judge: 'any' } as const;
const reviewers = { organiser: 'any', leader: 'any', unit_head: 'any', reporter: 'any' } as const;
const readers = { organiser: 'any', leader: 'any' } as const;

/** A fresh round of the root office, open today, with the default criteria and reward table. */
async function round(f: Fixture): Promise<number> {
  const [row] = await f.db
    .insert(suggestionRounds)
    .values({
      officeUnitId: f.office,
      title: `矩阵征集${f.next()}`,
      opensOn: '2000-01-01',
      closesOn: '2100-12-31',
      topN: 3,
      criteria: [...DEFAULT_SUGGESTION_CRITERIA],
      rewardLevels: [...DEFAULT_REWARD_LEVELS],
      publicCode: `matrix-suggestion-${f.next()}`,
    })
    .returning({ id: suggestionRounds.id });
  return row!.id;
}

/** An idea from the plain reporter of unit A ('own') or B ('other'). */
async function idea(f: Fixture, t: Target, status: 'submitted' | 'adopted' = 'submitted'): Promise<number> {
  const [row] = await f.db
    .insert(suggestions)
    .values({
      roundId: await round(f),
      title: `矩阵建议${f.next()}`,
      body: '内容',
      channel: 'account',
      proposerId: f.victimOf(t),
      proposerUnitId: f.unitOf(t),
      proposerName: '建议人',
      status,
    })
    .returning({ id: suggestions.id });
  return row!.id;
}

/** An idea every matrix account reviews (not B's organiser, the other-office column). */
async function reviewedByAll(f: Fixture): Promise<number> {
  const id = await idea(f, 'own');
  const people = await f.db
    .select({ id: users.id })
    .from(users)
    .where(and(like(users.username, 'm\\_%'), ne(users.username, 'm_organiser_b')));
  await f.db.insert(suggestionReviews).values(people.map((p) => ({ suggestionId: id, reviewerId: p.id })));
  return id;
}

const get = (url: string) => () => ({ method: 'GET' as const, url });
const sheet = { innovation: '20', feasibility: '30', benefit: '20' };

export const rows: MatrixRow[] = [
  {
    route: 'GET /api/suggestions/rounds',
    otherOffice: 'allowed',
    allow: submitters,
    request: get('/api/suggestions/rounds'),
  },
  {
    route: 'POST /api/suggestions/rounds',
    otherOffice: 'allowed',
    allow: office,
    request: (f) => ({
      method: 'POST',
      url: '/api/suggestions/rounds',
      payload: { title: `矩阵新征集${f.next()}`, opensOn: '2026-01-01', closesOn: '2026-12-31', topN: 10 },
    }),
  },
  {
    route: 'GET /api/suggestions/rounds/:id',
    allow: submitters,
    request: async (f) => ({ method: 'GET', url: `/api/suggestions/rounds/${await round(f)}` }),
  },
  {
    route: 'GET /api/suggestions/rounds/:id/stats',
    allow: readers,
    request: async (f) => ({ method: 'GET', url: `/api/suggestions/rounds/${await round(f)}/stats` }),
  },
  {
    route: 'GET /api/suggestions/rounds/:id/export',
    allow: readers,
    request: async (f) => ({ method: 'GET', url: `/api/suggestions/rounds/${await round(f)}/export` }),
  },
  {
    route: 'GET /api/suggestions/choices',
    otherOffice: 'allowed',
    allow: office,
    request: get('/api/suggestions/choices'),
  },
  {
    route: 'GET /api/suggestions/mine',
    otherOffice: 'allowed',
    allow: submitters,
    request: get('/api/suggestions/mine'),
  },
  {
    route: 'POST /api/suggestions',
    allow: submitters,
    request: async (f) => ({
      method: 'POST',
      url: '/api/suggestions',
      payload: { roundId: await round(f), title: `矩阵提交${f.next()}`, body: '内容' },
    }),
  },
  {
    route: 'GET /api/suggestions/:id',
    allow: { organiser: 'any', leader: 'any', unit_head: 'own' },
    scoped: true,
    request: async (f, t) => ({ method: 'GET', url: `/api/suggestions/${await idea(f, t)}` }),
  },
  {
    route: 'PUT /api/suggestions/:id/reviewers',
    allow: office,
    request: async (f) => ({
      method: 'PUT',
      url: `/api/suggestions/${await idea(f, 'own')}/reviewers`,
      payload: { userIds: [f.victimOf('other')] },
    }),
  },
  {
    route: 'PUT /api/suggestions/:id/score',
    allow: reviewers,
    request: async (f) => ({
      method: 'PUT',
      url: `/api/suggestions/${await reviewedByAll(f)}/score`,
      payload: { scores: sheet },
    }),
  },
  {
    route: 'POST /api/suggestions/:id/adopt',
    allow: office,
    request: async (f) => ({
      method: 'POST',
      url: `/api/suggestions/${await idea(f, 'own')}/adopt`,
      payload: { leadUnitId: f.units.a, deadline: '2099-09-30' },
    }),
  },
  {
    route: 'POST /api/suggestions/:id/reject',
    allow: office,
    request: async (f) => ({
      method: 'POST',
      url: `/api/suggestions/${await idea(f, 'own')}/reject`,
      payload: { note: '已有同类做法' },
    }),
  },
  {
    route: 'PUT /api/suggestions/:id/reward',
    allow: office,
    request: async (f) => ({
      method: 'PUT',
      url: `/api/suggestions/${await idea(f, 'own', 'adopted')}/reward`,
      payload: { level: 'special' },
    }),
  },
];
