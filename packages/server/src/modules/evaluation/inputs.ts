import {
  ADJUSTMENT_KIND_LABELS,
  adjustmentCounts,
  combineArenaScores,
  exactText,
  onTimePercent,
  overdueDeduction,
  parseDecimal,
  reviewScore,
  parseExactText,
  toDecimal,
  type EvaluationRecord,
  type EvaluationScheme,
  type IsoDate,
  type Ratio,
  type SnapshotInputs,
} from '@leitai/core';
import type { Db } from '../../db/client.js';
import * as arena from '../arena/index.js';
import * as dispatch from '../dispatch/index.js';
import * as ledger from '../ledger/index.js';
import * as ratings from '../ratings/index.js';
import * as units from '../units/index.js';
import { adjustmentsOf, answerTotals, type EvaluationRow } from './repository.js';

/** The units an evaluation ranks: active units with a category (分类考核), by category. */
export async function evaluatedUnits(db: Db) {
  // One after the other: inside a transaction both would share one connection.
  const all = await units.all(db);
  const cats = await units.categories(db);
  const list = all.filter((u) => u.active && u.categoryId !== null);
  const used = new Set(list.map((u) => u.categoryId));
  return {
    units: list.map((u) => ({ id: String(u.id), name: u.name, categoryId: String(u.categoryId) })),
    categories: cats.filter((c) => used.has(c.id)).map((c) => ({ id: String(c.id), name: c.name })),
  };
}

const text = (r: Ratio | null): string | null => (r === null ? null : exactText(r));

/**
 * Reads every source the scheme names, through the other modules' faces, into plain exact text:
 * what a close freezes and hashes. `previous`: the ranks of the last published evaluation of the kind.
 */
export async function gatherInputs(
  db: Db,
  e: EvaluationRow,
  scheme: EvaluationScheme,
  schemeVersion: number,
  previous: SnapshotInputs['previous'],
  today: IsoDate,
): Promise<SnapshotInputs> {
  // Every source the scheme names is read side by side (on PostgreSQL each on its own connection, so one
  // source's database time overlaps another's computation); the values are then laid out in scheme order.
  const wants = (kind: EvaluationScheme['components'][number]['source']['kind']) =>
    scheme.components.some((c) => c.source.kind === kind);
  const evaluated = evaluatedUnits(db);
  const idsOf = async () => (await evaluated).units.map((u) => Number(u.id));
  const [{ units: list, categories }, approved, indicatorScores, standings, closeOut, reviews, satisfaction] =
    await Promise.all([
      evaluated,
      adjustmentsOf(db, e.id).then((all) => all.filter((a) => adjustmentCounts(a.state))),
      wants('indicators') ? dispatch.indicatorScoresAt(db, e.campaignId, e.periodTo) : null,
      wants('arenas') ? arena.arenaStandings(db, e.campaignId, e.periodFrom, e.periodTo) : null,
      wants('ledger') ? ledger.closeOutFor(db, e.periodFrom, e.periodTo, today) : null,
      wants('review') ? idsOf().then((ids) => reviewTotals(db, e.id, ids)) : null,
      wants('ratings') ? idsOf().then((ids) => ratings.satisfactionFor(db, ids, e.periodFrom, e.periodTo)) : null,
    ]);
  const waiverOf = new Map(approved.filter((a) => a.kind === 'waiver').map((a) => [a.unitId, a]));
  const ids = list.map((u) => Number(u.id));
  const values: SnapshotInputs['values'] = [];
  const records: SnapshotInputs['records'] = [];
  const adjustments: SnapshotInputs['adjustments'] = [];
  const put = (componentId: string, unitId: number, value: string | null, recs: EvaluationRecord[]) => {
    values.push({ componentId, unitId: String(unitId), value });
    if (recs.length > 0) records.push({ componentId, unitId: String(unitId), records: recs });
  };
  for (const c of scheme.components) {
    const s = c.source;
    switch (s.kind) {
      case 'indicators': {
        const scores = indicatorScores!;
        for (const id of ids) {
          const u = scores.get(id);
          put(
            c.id,
            id,
            text(u?.rate ?? null),
            (u?.figures ?? []).map(({ reportPeriod, ...f }) => ({ type: 'report', period: reportPeriod, ...f })),
          );
        }
        break;
      }
      case 'arenas': {
        for (const id of ids) {
          const mine = standings!.get(id) ?? [];
          const v = combineArenaScores(
            mine.map((m) => parseExactText(m.exact)),
            s.combine,
          );
          put(
            c.id,
            id,
            text(v),
            mine.map((m) => ({
              type: 'arena',
              arenaId: m.arenaId,
              title: m.title,
              heldOn: m.heldOn,
              scoreShown: m.scoreShown,
              exact: m.exact,
              rank: m.rank,
            })),
          );
        }
        break;
      }
      case 'ledger': {
        const close = closeOut!;
        for (const id of ids) {
          const u = close.get(id);
          put(
            c.id,
            id,
            text(u ? onTimePercent(u.onTime, u.due) : null),
            (u?.items ?? []).map(({ id: itemId, ...i }) => ({ type: 'ledger', itemId, ...i })),
          );
          const deduction = u ? overdueDeduction(u.overdue, s.overduePenalty, s.overdueCap) : 0;
          const waiver = waiverOf.get(id);
          if (deduction > 0 && waiver)
            records.push({
              componentId: c.id,
              unitId: String(id),
              records: [
                { type: 'waiver', adjustmentId: waiver.id, reason: waiver.reason, waived: toDecimal(deduction) },
              ],
            });
          else if (deduction > 0)
            adjustments.push({
              id: `ledger-overdue-${id}`,
              unitId: String(id),
              amount: toDecimal(-deduction),
              label: `督办事项逾期未办结 ${u!.overdue} 件扣分`,
            });
        }
        break;
      }
      case 'review': {
        const totals = reviews!;
        for (const id of ids) {
          const r = reviewScore(s.questionnaire, totals.get(id) ?? new Map());
          put(c.id, id, text(r.value), [
            {
              type: 'review',
              groups: r.groups.map((g) => ({
                name: s.questionnaire.groups.find((x) => x.id === g.groupId)?.name ?? g.groupId,
                respondents: g.respondents,
                mean: g.mean === null ? null : exactText(g.mean),
              })),
              minRespondents: s.questionnaire.minRespondents,
            },
          ]);
        }
        break;
      }
      case 'ratings': {
        const sat = satisfaction!;
        for (const id of ids) {
          const v = sat.get(id) ?? null;
          put(c.id, id, v, [{ type: 'ratings', from: e.periodFrom, to: e.periodTo, satisfaction: v }]);
        }
        break;
      }
    }
  }
  // Approved bonuses and penalties (a waiver acted above, on the deduction it excuses).
  for (const a of approved)
    if (a.kind !== 'waiver' && list.some((u) => u.id === String(a.unitId)))
      adjustments.push({
        id: `adjustment-${a.id}`,
        unitId: String(a.unitId),
        amount: a.amount,
        label: `${ADJUSTMENT_KIND_LABELS[a.kind]}：${a.reason}`,
      });
  return { asOf: e.periodTo, schemeVersion, scheme, categories, units: list, values, adjustments, previous, records };
}

/** Each unit's raters' totals (micro) by group: what the close scores. */
export async function reviewTotals(
  db: Db,
  evaluationId: number,
  unitIds: number[],
): Promise<Map<number, Map<string, number[]>>> {
  const out = new Map<number, Map<string, number[]>>();
  if (unitIds.length === 0) return out;
  for (const r of await answerTotals(db, evaluationId, unitIds)) {
    const byGroup = out.get(r.unitId) ?? new Map<string, number[]>();
    byGroup.set(r.groupId, [...(byGroup.get(r.groupId) ?? []), parseDecimal(r.total, 'total')]);
    out.set(r.unitId, byGroup);
  }
  return out;
}
