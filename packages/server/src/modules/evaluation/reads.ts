import {
  ADJUSTMENT_ACTION_LABELS,
  ADJUSTMENT_KIND_LABELS,
  ADJUSTMENT_STATE_LABELS,
  APPEAL_ACTION_LABELS,
  APPEAL_STATE_LABELS,
  CHANGE_REASON_LABELS,
  COMBINE_LABELS,
  EVALUATION_ACTION_LABELS,
  EVALUATION_KIND_LABELS,
  EVALUATION_STATE_LABELS,
  METHOD_LABELS,
  NO_DATA_LABELS,
  SOURCE_LABELS,
  adjustmentActions,
  appealActions,
  appealRefusal,
  can,
  changeReason,
  evaluationActions,
  finaliseBlocker,
  type Actor,
  type OfficeRecord,
  type AppealView,
  type CategoryLines,
  type EvaluationDetail,
  type EvaluationSummary,
  type IsoDate,
  type LineChange,
  type RankHistoryPoint,
  type RankingCategory,
  type SnapshotInputs,
  type UnitExplanation,
  type VersionView,
} from '@leitai/core';
import type { Db } from '../../db/client.js';
import { forbidden, notFound } from '../../errors.js';
import * as files from '../files/index.js';
import * as units from '../units/index.js';
import * as users from '../users/index.js';
import { bandsOf, explainedResult } from './compute.js';
import { evaluatedUnits } from './inputs.js';
import {
  adjustmentsOf,
  appealsOf,
  listEvaluationRows,
  publishedEvaluations,
  snapshotById,
  versionsOf,
  type AppealRow,
  type EvaluationRow,
  type SnapshotRow,
} from './repository.js';
import { currentScheme, evaluationOf } from './service.js';
import { evaluationRecord, recordsByCampaign } from './records.js';

const moved = (c: LineChange) => Math.abs((c.before?.rank ?? 0) - (c.after?.rank ?? 0));
/** Does the actor's office run this evaluation (rather than only read it)? */
const isOffice = (actor: Actor, record: OfficeRecord | null) =>
  record !== null && can(actor, 'evaluation.manage', record);
const published = (e: EvaluationRow) => e.state === 'comment' || e.state === 'final';

function summaryOf(e: EvaluationRow, versions: number): EvaluationSummary {
  return {
    id: e.id,
    campaignId: e.campaignId,
    name: e.name,
    kind: e.kind,
    kindLabel: EVALUATION_KIND_LABELS[e.kind],
    periodFrom: e.periodFrom,
    periodTo: e.periodTo,
    state: e.state,
    stateLabel: EVALUATION_STATE_LABELS[e.state],
    commentUntil: e.commentUntil,
    appealDays: e.appealDays,
    schemeVersion: e.schemeVersion,
    versions,
  };
}

/**
 * Every evaluation: its scheme is issued to the units from the start (考核方案 is no secret, and units
 * propose 加减分 on a draft); its ranking is the office's until published.
 */
export async function listEvaluations(db: Db, actor: Actor): Promise<EvaluationSummary[]> {
  const records = await recordsByCampaign(db);
  const rows = (await listEvaluationRows(db)).filter((e) => {
    const record = records.get(e.campaignId);
    return record !== undefined && can(actor, 'evaluation.read', record);
  });
  return Promise.all(rows.map(async (e) => summaryOf(e, (await versionsOf(db, e.id)).length)));
}

/** The snapshot a viewer reads: the office the current one (closed or published); others the published one. */
async function visibleSnapshot(db: Db, actor: Actor, e: EvaluationRow): Promise<SnapshotRow | null> {
  if (e.snapshotId === null || e.state === 'draft') return null;
  if (!isOffice(actor, await evaluationRecord(db, e.id)) && !published(e)) return null;
  return (await snapshotById(db, e.snapshotId)) ?? null;
}

async function pathsOf(db: Db, ids: Iterable<number>): Promise<Map<number, string>> {
  return new Map([...(await units.byIds(db, ids))].map(([id, u]) => [id, u.path]));
}

export async function evaluationDetail(
  db: Db,
  actor: Actor,
  id: number,
  today: IsoDate,
): Promise<EvaluationDetail<Date>> {
  const e = await evaluationOf(db, id);
  const office = isOffice(actor, await evaluationRecord(db, id));
  const [scheme, versions, appeals, adjustments, snap] = await Promise.all([
    currentScheme(db, e),
    versionsOf(db, id),
    appealsOf(db, id),
    adjustmentsOf(db, id),
    visibleSnapshot(db, actor, e),
  ]);
  const inputs = snap ? (snap.inputs as SnapshotInputs) : null;
  // The units ranked: those frozen in the snapshot, or (a draft) those the evaluation would rank today.
  const ranked = inputs ?? (await evaluatedUnits(db));
  const evaluated = ranked.units;
  const unitIds = evaluated.map((u) => Number(u.id));
  const paths = await pathsOf(db, [
    ...unitIds,
    ...appeals.map((a) => a.unitId),
    ...adjustments.map((a) => a.unitId),
    actor.unitId,
  ]);
  const mayExplain = (unitId: number) => {
    const p = paths.get(unitId);
    return p !== undefined && can(actor, 'evaluation.explain', p);
  };
  const names = new Map(evaluated.map((u) => [Number(u.id), u.name]));
  const bands = office && snap && inputs ? new Map(bandsOf(snap.id, inputs).map((b) => [b.unitId, b])) : null;
  const ranking: RankingCategory[] | null =
    snap && inputs
      ? (snap.result as CategoryLines[]).map((c) => ({
          categoryId: c.categoryId,
          categoryName: inputs.categories.find((x) => x.id === c.categoryId)?.name ?? c.categoryId,
          honourList: c.honourList,
          warningList: c.warningList,
          rows: c.units.map((u) => {
            const b = bands?.get(u.unitId);
            return {
              unitId: Number(u.unitId),
              unitName: names.get(Number(u.unitId)) ?? u.unitId,
              total: u.total,
              totalShown: u.totalShown,
              rank: u.rank,
              rankChange: u.rankChange,
              grade: u.grade,
              honour: u.honour,
              warning: u.warning,
              components: u.components.map((x) => ({ componentId: x.componentId, scoreShown: x.scoreShown })),
              mayExplain: mayExplain(Number(u.unitId)),
              band: b ? { best: b.best, worst: b.worst } : null,
            };
          }),
        }))
      : null;
  const who = await users.displayNames(
    db,
    [
      ...appeals.flatMap((a) => [a.decidedBy, a.approvedBy]),
      ...adjustments.flatMap((a) => [a.proposedBy, a.decidedBy, ...a.steps.map((x) => x.by)]),
      ...versions.map((v) => v.publishedBy),
    ].filter((x): x is number => x !== null),
  );
  // Each appeal's and proposal's evidence (a handful per evaluation).
  const evidenceOf = async (ownerType: string, ids: number[]) =>
    new Map(await Promise.all(ids.map(async (i) => [i, await files.filesOf(db, ownerType, i)] as const)));
  const appealEvidence = await evidenceOf(
    'evaluation_appeal',
    appeals.map((a) => a.id),
  );
  const adjustmentEvidence = await evidenceOf(
    'evaluation_adjustment',
    adjustments.map((a) => a.id),
  );
  const componentName = (cid: string) => scheme.components.find((c) => c.id === cid)?.name ?? cid;
  const appealViews = appeals
    .filter((a) => office || mayExplain(a.unitId))
    .map((a) => appealView(a, actor, office, names, componentName, who, appealEvidence.get(a.id) ?? []));
  const facts = {
    state: e.state,
    commentUntil: e.commentUntil,
    openAppeals: appeals.filter((a) => a.state === 'filed' || a.state === 'decided').length,
  };
  const ownPath = paths.get(actor.unitId);
  const evaluatedOwn = inputs?.units.some((u) => u.id === String(actor.unitId)) ?? false;
  const mayAppeal = ownPath !== undefined && can(actor, 'evaluation.appeal', ownPath) && evaluatedOwn;
  const refusal = mayAppeal ? appealRefusal(e.state, e.commentUntil, today) : null;
  return {
    evaluation: summaryOf(e, versions.length),
    scheme,
    categories: ranked.categories,
    actions: office
      ? evaluationActions(facts, today).map((action) => ({ action, label: EVALUATION_ACTION_LABELS[action] }))
      : [],
    finaliseBlocker: office && e.state === 'comment' ? finaliseBlocker(facts, today) : null,
    snapshot: snap
      ? {
          id: snap.id,
          schemeVersion: snap.schemeVersion,
          inputHash: snap.inputHash,
          resultHash: snap.resultHash,
          createdAt: snap.createdAt,
        }
      : null,
    ranking,
    versions: versions.map((v): VersionView<Date> => ({
      version: v.version,
      publishedAt: v.publishedAt,
      publishedBy: v.publishedBy === null ? null : (who.get(v.publishedBy) ?? null),
      // Appealed lines first, then by how far they moved.
      changes: (v.diff as (LineChange & { appeals: number[] })[])
        .map((c) => ({
          ...c,
          unitName: names.get(Number(c.unitId)) ?? c.unitId,
          reason: CHANGE_REASON_LABELS[changeReason(c, c.appeals.length)],
        }))
        .sort(
          (a, b) =>
            b.appeals.length - a.appeals.length || moved(b) - moved(a) || (a.after?.rank ?? 0) - (b.after?.rank ?? 0),
        ),
    })),
    appeals: appealViews,
    settledAppeals: appeals
      .filter((a) => a.state === 'upheld' || a.state === 'refused')
      .map((a) => ({
        unitName: names.get(a.unitId) ?? String(a.unitId),
        componentName: componentName(a.componentId),
        stateLabel: APPEAL_STATE_LABELS[a.state],
        decision: a.decision ?? '',
        correction: a.correction,
      })),
    appeal:
      mayAppeal && refusal === null
        ? {
            unitId: actor.unitId,
            unitName: names.get(actor.unitId) ?? '',
            components: scheme.components.map((c) => ({ id: c.id, name: c.name })),
          }
        : null,
    appealRefusal: refusal,
    adjustments: adjustments
      .filter((a) => office || mayExplain(a.unitId))
      .map((a) => ({
        id: a.id,
        unitId: a.unitId,
        unitName: names.get(a.unitId) ?? String(a.unitId),
        kind: a.kind,
        kindLabel: ADJUSTMENT_KIND_LABELS[a.kind],
        amount: a.amount,
        reason: a.reason,
        evidence: adjustmentEvidence.get(a.id) ?? [],
        state: a.state,
        stateLabel: ADJUSTMENT_STATE_LABELS[a.state],
        decision: a.decision,
        proposedAt: a.proposedAt,
        proposedBy: who.get(a.proposedBy) ?? null,
        decidedBy: a.decidedBy === null ? null : (who.get(a.decidedBy) ?? null),
        // 容错免责's procedure as it went: 受理, 核实, 认定, 报备, each with who, when and what was written.
        steps: a.steps.map((s) => ({
          action: s.action,
          label: ADJUSTMENT_ACTION_LABELS[s.action],
          by: who.get(s.by) ?? null,
          at: s.at,
          text: s.text,
        })),
        actions: adjustmentActions(a, { userId: actor.userId, mayDecide: office }, e.state === 'draft').map(
          (action) => ({
            action,
            label: ADJUSTMENT_ACTION_LABELS[action],
          }),
        ),
      })),
    // While a draft: the office for every evaluated unit, a unit's head for its own.
    adjustFor:
      e.state !== 'draft'
        ? []
        : evaluated
            .filter((u) => {
              const p = paths.get(Number(u.id));
              return office || (p !== undefined && can(actor, 'evaluation.adjust', p));
            })
            .map((u) => ({ id: Number(u.id), name: u.name })),
  };
}

function appealView(
  a: AppealRow,
  actor: Actor,
  office: boolean,
  names: Map<number, string>,
  componentName: (id: string) => string,
  who: Map<number, string>,
  evidence: AppealView<Date>['evidence'],
): AppealView<Date> {
  return {
    id: a.id,
    version: a.version,
    unitId: a.unitId,
    unitName: names.get(a.unitId) ?? String(a.unitId),
    componentId: a.componentId,
    componentName: componentName(a.componentId),
    reason: a.reason,
    evidence,
    state: a.state,
    stateLabel: APPEAL_STATE_LABELS[a.state],
    uphold: a.uphold,
    correction: a.correction,
    decision: a.decision,
    filedAt: a.filedAt,
    decidedBy: a.decidedBy === null ? null : (who.get(a.decidedBy) ?? null),
    approvedBy: a.approvedBy === null ? null : (who.get(a.approvedBy) ?? null),
    actions: appealActions(a, { userId: actor.userId, mayDecide: office }).map((action) => ({
      action,
      label: APPEAL_ACTION_LABELS[action],
    })),
  };
}

/** "Why 17th?": one unit's standing from its total down to the records, rebuilt from the frozen inputs. */
export async function unitExplanation(db: Db, actor: Actor, id: number, unitId: number): Promise<UnitExplanation> {
  const e = await evaluationOf(db, id);
  const snap = await visibleSnapshot(db, actor, e);
  const path = await units.pathOf(db, unitId);
  if (!snap || path === null) throw notFound('考核结果');
  if (!can(actor, 'evaluation.explain', path)) throw forbidden('只能查看本单位（或分管单位）的考核说明');
  const inputs = snap.inputs as SnapshotInputs;
  const unit = inputs.units.find((u) => u.id === String(unitId));
  if (!unit) throw notFound('该单位的考核结果');
  const category = explainedResult(inputs).find((c) => c.categoryId === unit.categoryId)!;
  const line = category.units.find((u) => u.unitId === unit.id)!;
  const versions = await versionsOf(db, id);
  const published = versions.filter((v) => v.snapshotId === snap.id).at(-1);
  return {
    unit: {
      id: unitId,
      name: unit.name,
      categoryName: inputs.categories.find((c) => c.id === unit.categoryId)?.name ?? '',
    },
    version: published?.version ?? null,
    total: line.total,
    totalShown: line.totalShown,
    rank: line.rank,
    of: category.units.length,
    grade: line.grade,
    rankChange: line.rankChange,
    components: inputs.scheme.components.map((c) => {
      const got = line.components.find((x) => x.componentId === c.id)!;
      const raw = inputs.values.find((v) => v.componentId === c.id && v.unitId === unit.id)?.value ?? null;
      const source = SOURCE_LABELS[c.source.kind];
      return {
        componentId: c.id,
        name: c.name,
        sourceLabel: c.source.kind === 'arenas' ? `${source}（${COMBINE_LABELS[c.source.combine]}）` : source,
        methodLabel: METHOD_LABELS[c.method.kind],
        weight: got.weight,
        value: got.value,
        valueExact: raw !== null && raw.includes('/') ? raw : null,
        noDataLabel: raw === null ? NO_DATA_LABELS[c.noData ?? 'zero'] : null,
        scoreShown: got.scoreShown,
        records: inputs.records.filter((r) => r.componentId === c.id && r.unitId === unit.id).flatMap((r) => r.records),
      };
    }),
    adjustments: inputs.adjustments.filter((a) => a.unitId === unit.id),
    tree: line.explanation,
  };
}

/** A unit's rank across published evaluations (the rank history chart). */
export async function rankHistory(db: Db, actor: Actor, unitId: number): Promise<RankHistoryPoint[]> {
  const path = await units.pathOf(db, unitId);
  if (path === null) throw notFound('单位');
  if (!can(actor, 'evaluation.explain', path)) throw forbidden('只能查看本单位（或分管单位）的排名走势');
  const out: RankHistoryPoint[] = [];
  for (const e of (await publishedEvaluations(db)).filter(published)) {
    const last = (await versionsOf(db, e.id)).at(-1);
    const snap = last ? await snapshotById(db, last.snapshotId) : undefined;
    const cat = (snap?.result as CategoryLines[] | undefined)?.find((c) =>
      c.units.some((u) => u.unitId === String(unitId)),
    );
    const line = cat?.units.find((u) => u.unitId === String(unitId));
    if (cat && line)
      out.push({
        evaluationId: e.id,
        name: e.name,
        periodTo: e.periodTo,
        rank: line.rank,
        of: cat.units.length,
        totalShown: line.totalShown,
      });
  }
  return out;
}
