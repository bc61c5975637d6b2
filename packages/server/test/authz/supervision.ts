import { instructions } from '../../src/db/schema/index.js';
import { ledgerItem } from './ledger.js';
import { unitUrl, world } from './dispatch.js';
import type { Fixture, MatrixRow, Target } from './types.js';

/** 催办 and 批示 (issue 18): the office urges overdue items and late reports; a leader instructs; the unit answers. */
const Y = new Date().getFullYear();
const office = { organiser: 'any' } as const;
const leader = { leader: 'own' } as const;
const unit = { unit_head: 'own', reporter: 'own' } as const;
const past = `${Y - 1}-01-31`;

/** An instruction on unit A's or B's item, unanswered (a fresh one per request: an answer is once). */
async function instruction(f: Fixture, t: Target): Promise<number> {
  const itemId = await ledgerItem(f, t);
  const [row] = await f.db
    .insert(instructions)
    .values({
      subject: 'ledger_item',
      ledgerItemId: itemId,
      unitId: f.unitOf(t),
      text: '请加快办理',
      what: '矩阵督办事项',
      link: `/ledger/items/${itemId}`,
      byUserId: f.victimOf('own'),
      byName: '矩阵领导',
    })
    .returning({ id: instructions.id });
  return row!.id;
}

export const rows: MatrixRow[] = [
  {
    route: 'POST /api/ledger/items/:id/urge',
    allow: office,
    scoped: true,
    request: async (f, t) => ({
      method: 'POST',
      url: `/api/ledger/items/${await ledgerItem(f, t, { deadline: past })}/urge`,
      payload: { message: '请加快办理' },
    }),
  },
  {
    route: 'POST /api/ledger/items/:id/instructions',
    allow: leader,
    scoped: true,
    request: async (f, t) => ({
      method: 'POST',
      url: `/api/ledger/items/${await ledgerItem(f, t)}/instructions`,
      payload: { text: '请倒排工期，按期销号' },
    }),
  },
  {
    route: 'POST /api/dispatch/campaigns/:id/units/:unitId/urge',
    allow: office,
    scoped: true,
    request: async (f, t) => ({
      method: 'POST',
      url: await unitUrl(f, t, `urge?period=${Y}-01`, await world(f, { deadline: past })),
      payload: {},
    }),
  },
  {
    route: 'POST /api/dispatch/campaigns/:id/units/:unitId/instructions',
    allow: leader,
    scoped: true,
    request: async (f, t) => ({
      method: 'POST',
      url: await unitUrl(f, t, `instructions?period=${Y}-01`),
      payload: { text: '请按时报送' },
    }),
  },
  {
    route: 'POST /api/instructions/:id/answer',
    allow: unit,
    scoped: true,
    request: async (f, t) => ({
      method: 'POST',
      url: `/api/instructions/${await instruction(f, t)}/answer`,
      payload: { text: '已落实' },
    }),
  },
];
