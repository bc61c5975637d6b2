import {
  EXEMPTION_DECISION_LABELS,
  LEDGER_STATE_LABELS,
  can,
  leaderOnTime,
  type Actor,
  type CadreRecord,
  type IsoDate,
} from '@leitai/core';
import type { Db } from '../../db/client.js';
import { notFound } from '../../errors.js';
import * as arena from '../arena/index.js';
import * as cadres from '../cadres/index.js';
import * as evaluation from '../evaluation/index.js';
import * as ledger from '../ledger/index.js';
import * as units from '../units/index.js';

/** Does an evaluation's period [from, to] overlap a post held [since, until]? */
const overlaps = (from: string, to: string, since: string, until: string | null) =>
  to >= since && (until === null || from <= until);

/**
 * 干部实绩档案 (issue 17): composed from the other modules' faces only. The arenas they stood on and their
 * ranks (arena), the promises they made there and what became of them (ledger), the grades and ranks of the
 * units they led while they led them (evaluation), and the items they are responsible leader of (ledger).
 */
export async function cadreRecord(db: Db, actor: Actor, cadreId: number, today: IsoDate): Promise<CadreRecord> {
  const cadre = await cadres.byId(db, cadreId);
  if (!cadre) throw notFound('干部');
  const posts = await cadres.postsOf(db, cadreId);
  const stages = await arena.cadreOnStage(db, cadreId);
  const promised = await ledger.itemsByIds(
    db,
    stages.flatMap((s) => s.promises),
    today,
  );
  const grades = await evaluation.gradesOfUnits(
    db,
    posts.map((p) => p.unitId),
  );
  const led = cadre.userId === null ? [] : await ledger.itemsLedBy(db, cadre.userId, today);
  const names = await units.byIds(db, [cadre.unitId, ...posts.map((p) => p.unitId)]);
  const exemptions = await cadres.exemptionsOf(db, cadreId);
  const unitName = (id: number) => names.get(id)?.name ?? '';
  const arenaOfItem = new Map(stages.flatMap((s) => s.promises.map((id) => [id, s.title] as const)));

  const notes: string[] = [];
  if (cadre.userId === null) notes.push('该干部未关联系统账号，“责任领导事项”按账号统计，暂无数据。');
  return {
    cadre: { id: cadre.id, name: cadre.name, post: cadre.post, unitName: unitName(cadre.unitId), since: cadre.since },
    posts: posts.map((p) => ({ ...p, unitName: unitName(p.unitId) })),
    arenas: stages.map((s) => ({
      arenaId: s.arenaId,
      title: s.title,
      kind: s.kind,
      kindLabel: s.kindLabel,
      heldOn: s.heldOn,
      office: s.officeName,
      as: s.as,
      unitName: s.unitName,
      rank: s.rank,
      of: s.of,
      scoreShown: s.scoreShown,
      source: { kind: 'arena', id: s.arenaId },
    })),
    promises: promised.map((i) => ({
      itemId: i.id,
      title: i.title,
      arenaTitle: arenaOfItem.get(i.id) ?? i.arena?.name ?? '',
      deadline: i.deadline,
      state: i.state,
      stateLabel: LEDGER_STATE_LABELS[i.state],
      colour: i.colour,
      closedOn: i.closedOn,
      source: { kind: 'ledger_item', id: i.id },
    })),
    grades: grades
      .filter((g) => posts.some((p) => p.unitId === g.unitId && overlaps(g.periodFrom, g.periodTo, p.since, p.until)))
      .map((g) => ({
        unitName: unitName(g.unitId),
        evaluation: g.name,
        period: `${g.periodFrom} 至 ${g.periodTo}`,
        rank: g.rank,
        of: g.of,
        grade: g.grade,
        totalShown: g.totalShown,
        source: { kind: 'evaluation', id: g.evaluationId, unitId: g.unitId },
      })),
    led: {
      items: led.map((i) => ({
        itemId: i.id,
        title: i.title,
        unitName: i.leadUnit.name,
        deadline: i.deadline,
        stateLabel: LEDGER_STATE_LABELS[i.state],
        colour: i.colour,
        closedOn: i.closedOn,
        source: { kind: 'ledger_item', id: i.id },
      })),
      onTime: leaderOnTime(led, today),
    },
    exemptions: exemptions.map((e) => ({
      id: e.id,
      decidedOn: e.decidedOn,
      matter: e.matter,
      decision: e.decision,
      decisionLabel: EXEMPTION_DECISION_LABELS[e.decision],
      basis: e.basis,
      decidedBy: e.decidedBy,
      source: e.itemId === null ? null : { kind: 'ledger_item', id: e.itemId },
    })),
    notes,
    actions: { exempt: can(actor, 'cadre.manage', names.get(cadre.unitId)?.path ?? '') },
  };
}
