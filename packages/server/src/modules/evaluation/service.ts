import {
  APPEAL_STATE_LABELS,
  checkEvaluationScheme,
  finaliseBlocker,
  appealRefusal,
  ScoringInputError,
  versionDiff,
  type Actor,
  type CategoryLines,
  type EvaluationKind,
  type EvaluationScheme,
  type IsoDate,
  type SnapshotInputs,
} from '@leitai/core';
import type { Db } from '../../db/client.js';
import { checkAccess } from '../../http/access.js';
import { AppError, forbidden, invalidState, notFound } from '../../errors.js';
import { emit } from '../../events/emit.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { loadCalendar } from '../calendar/index.js';
import * as files from '../files/index.js';
import { computeLines, sha256 } from './compute.js';
import { evaluatedUnits, gatherInputs } from './inputs.js';
import {
  appealById,
  appealsOf,
  findEvaluation,
  insertAppeal,
  insertEvaluation,
  insertScheme,
  insertSnapshot,
  insertVersion,
  schemeOf,
  snapshotById,
  updateAppeal,
  updateEvaluation,
  versionsOf,
  type EvaluationRow,
} from './repository.js';

export async function evaluationOf(db: Db, id: number, lock = false): Promise<EvaluationRow> {
  const e = await findEvaluation(db, id, lock);
  if (!e) throw notFound('考核');
  return e;
}

export async function currentScheme(db: Db, e: EvaluationRow): Promise<EvaluationScheme> {
  const s = await schemeOf(db, e.id, e.schemeVersion);
  if (!s) throw notFound('考核方案');
  return s.scheme;
}

async function validScheme(db: Db, scheme: EvaluationScheme): Promise<void> {
  const { categories } = await evaluatedUnits(db);
  const names = new Map(categories.map((c) => [c.id, c.name]));
  try {
    checkEvaluationScheme(
      scheme,
      categories.map((c) => c.id),
      (id) => names.get(id) ?? id,
    );
  } catch (err) {
    // The rule's words name the category; the item (a path of ids) goes in the details, not the sentence.
    if (err instanceof ScoringInputError)
      throw new AppError('VALIDATION_FAILED', `考核方案有误：${err.reason}`, { item: err.item });
    throw err;
  }
}

/** The ranks of the evaluation 进位/退位 is measured against: its last published version. */
async function previousRanks(db: Db, e: EvaluationRow): Promise<SnapshotInputs['previous']> {
  if (e.previousId === null) return [];
  const versions = await versionsOf(db, e.previousId);
  const last = versions.at(-1);
  const snap = last ? await snapshotById(db, last.snapshotId) : undefined;
  if (!snap) return [];
  return (snap.result as CategoryLines[]).flatMap((c) => c.units.map((u) => ({ unitId: u.unitId, rank: u.rank })));
}

/** The units a snapshot ranks (whom its publication tells). */
async function evaluatedIds(db: Db, snapshotId: number | null): Promise<number[]> {
  const snap = snapshotId === null ? undefined : await snapshotById(db, snapshotId);
  return snap ? (snap.inputs as SnapshotInputs).units.map((u) => Number(u.id)) : [];
}

export interface NewEvaluation {
  campaignId: number;
  name: string;
  kind: EvaluationKind;
  periodFrom: IsoDate;
  periodTo: IsoDate;
  appealDays: number;
  previousId?: number | undefined;
  scheme: EvaluationScheme;
}

export async function createEvaluation(db: Db, actor: Actor, who: AuditActor, input: NewEvaluation) {
  if (input.periodFrom > input.periodTo) throw new AppError('VALIDATION_FAILED', '考核期起始日不能晚于截止日');
  await validScheme(db, input.scheme);
  if (input.previousId !== undefined && !(await findEvaluation(db, input.previousId)))
    throw new AppError('VALIDATION_FAILED', '对比的上期考核不存在');
  // The evaluation is its campaign's office's: only that office's organisers set one up.
  await checkAccess(db, actor, 'evaluation.manage', { kind: 'campaign', id: input.campaignId });
  return db.transaction(async (tx) => {
    const e = await insertEvaluation(tx, {
      campaignId: input.campaignId,
      name: input.name.trim(),
      kind: input.kind,
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      appealDays: input.appealDays,
      previousId: input.previousId ?? null,
      createdBy: actor.userId,
    });
    await insertScheme(tx, { evaluationId: e.id, version: 1, scheme: input.scheme, savedBy: actor.userId });
    await recordAudit(tx, who, {
      action: 'evaluation.create',
      targetType: 'evaluation',
      targetId: e.id,
      after: { ...input },
    });
    return e;
  });
}

/** Saves the scheme as a new version (only while a draft: a closed evaluation keeps the version it used). */
export async function saveScheme(db: Db, actor: Actor, who: AuditActor, id: number, scheme: EvaluationScheme) {
  await validScheme(db, scheme);
  return db.transaction(async (tx) => {
    const e = await evaluationOf(tx, id, true);
    if (e.state !== 'draft') throw invalidState('考核已截止，方案不能再改；如需调整请先撤回重编');
    const before = await currentScheme(tx, e);
    const version = e.schemeVersion + 1;
    await insertScheme(tx, { evaluationId: id, version, scheme, savedBy: actor.userId });
    await updateEvaluation(tx, id, { schemeVersion: version });
    await recordAudit(tx, who, {
      action: 'evaluation.scheme.save',
      targetType: 'evaluation',
      targetId: id,
      before: { version: e.schemeVersion, scheme: before },
      after: { version, scheme },
    });
    return { version };
  });
}

/** The ranking a scheme gives on today's data, nothing written: the scheme editor's live preview. */
export async function previewScheme(db: Db, id: number, scheme: EvaluationScheme | undefined, today: IsoDate) {
  const e = await evaluationOf(db, id);
  const s = scheme ?? (await currentScheme(db, e));
  await validScheme(db, s);
  const inputs = await gatherInputs(db, e, s, e.schemeVersion, await previousRanks(db, e), today);
  return { inputs, lines: computeLines(inputs).lines };
}

/** 截止: freezes the inputs into a snapshot with their hash and the result's. */
export async function closeEvaluation(db: Db, actor: Actor, who: AuditActor, id: number, today: IsoDate) {
  // Read outside the transaction (the sources' reads run side by side, which one connection cannot),
  // then freeze them only if nobody closed the evaluation or saved a new scheme meanwhile.
  const draft = await evaluationOf(db, id);
  if (draft.state !== 'draft') throw invalidState('该考核已截止');
  const scheme = await currentScheme(db, draft);
  const inputs = await gatherInputs(db, draft, scheme, draft.schemeVersion, await previousRanks(db, draft), today);
  const { lines, hash } = computeLines(inputs);
  // Hashed before the transaction opens: the row lock is held only for the writes.
  const inputHash = sha256(inputs);
  return db.transaction(async (tx) => {
    const e = await evaluationOf(tx, id, true);
    if (e.state !== 'draft') throw invalidState('该考核已截止');
    if (e.schemeVersion !== draft.schemeVersion) throw invalidState('截止期间方案已被修改，请重新截止');
    const snap = await insertSnapshot(tx, {
      evaluationId: id,
      schemeVersion: e.schemeVersion,
      inputHash,
      resultHash: hash,
      inputs,
      result: lines,
      createdBy: actor.userId,
    });
    await updateEvaluation(tx, id, { state: 'closed', snapshotId: snap.id });
    await recordAudit(tx, who, {
      action: 'evaluation.close',
      targetType: 'evaluation',
      targetId: id,
      before: { state: e.state },
      after: { state: 'closed', snapshotId: snap.id, inputHash: snap.inputHash, resultHash: hash },
    });
    return { snapshotId: snap.id, inputHash: snap.inputHash, resultHash: hash };
  });
}

/** 撤回重编: back to a draft before anything is published (the snapshot stays, as history). */
export async function reopenEvaluation(db: Db, who: AuditActor, id: number) {
  await db.transaction(async (tx) => {
    const e = await evaluationOf(tx, id, true);
    if (e.state !== 'closed') throw invalidState('只有已截止、尚未公示的考核可以撤回');
    await updateEvaluation(tx, id, { state: 'draft' });
    await recordAudit(tx, who, {
      action: 'evaluation.reopen',
      targetType: 'evaluation',
      targetId: id,
      before: { state: 'closed', snapshotId: e.snapshotId },
      after: { state: 'draft' },
    });
  });
}

/**
 * 复算核验: recomputes the current snapshot from its stored inputs and compares the result bit for bit
 * (its canonical JSON's hash); and tells whether today's data would still give the same inputs.
 */
export async function verifyEvaluation(db: Db, id: number, today: IsoDate) {
  const e = await evaluationOf(db, id);
  if (e.snapshotId === null) throw invalidState('考核尚未截止，没有可核验的结果');
  const snap = (await snapshotById(db, e.snapshotId))!;
  const inputs = snap.inputs as SnapshotInputs;
  const recomputed = computeLines(inputs).hash;
  const storedInputsHash = sha256(inputs);
  const fresh =
    e.state === 'closed'
      ? await gatherInputs(db, e, inputs.scheme, inputs.schemeVersion, inputs.previous, today)
      : null;
  return {
    snapshotId: snap.id,
    resultHash: snap.resultHash,
    recomputedHash: recomputed,
    identical: recomputed === snap.resultHash && storedInputsHash === snap.inputHash,
    /** null once published: the published inputs are what counts, whatever came in later. */
    inputsUnchanged: fresh === null ? null : sha256(fresh) === snap.inputHash,
  };
}

/** 公示: publishes the snapshot as version 1 and opens the appeal window (working days, the calendar's). */
export async function publishForComment(db: Db, actor: Actor, who: AuditActor, id: number, today: IsoDate) {
  const calendar = await loadCalendar(db);
  return db.transaction(async (tx) => {
    const e = await evaluationOf(tx, id, true);
    if (e.state !== 'closed' || e.snapshotId === null) throw invalidState('只有已截止的考核可以发布公示');
    const commentUntil = calendar.addWorkingDays(today, e.appealDays);
    const v = await insertVersion(tx, {
      evaluationId: id,
      version: (await versionsOf(tx, id)).length + 1,
      snapshotId: e.snapshotId,
      diff: [],
      publishedBy: actor.userId,
    });
    await updateEvaluation(tx, id, { state: 'comment', commentUntil });
    await emit(tx, {
      type: 'evaluation.published',
      evaluationId: id,
      name: e.name,
      version: v.version,
      stage: 'comment',
      commentUntil,
      unitIds: await evaluatedIds(tx, e.snapshotId),
    });
    await recordAudit(tx, who, {
      action: 'evaluation.publish',
      targetType: 'evaluation',
      targetId: id,
      before: { state: 'closed' },
      after: { state: 'comment', version: v.version, commentUntil },
    });
    return { version: v.version, commentUntil };
  });
}

export interface AppealInput {
  unitId: number;
  componentId: string;
  reason: string;
  /** Uploaded evidence (POST /files), claimed by the appeal. */
  fileIds?: number[] | undefined;
}

/** 申诉: one number of the unit's published standing, with a reason, while the window is open. */
export async function fileAppeal(db: Db, actor: Actor, who: AuditActor, id: number, a: AppealInput, today: IsoDate) {
  return db.transaction(async (tx) => {
    const e = await evaluationOf(tx, id, true);
    const refusal = appealRefusal(e.state, e.commentUntil, today);
    if (refusal) throw invalidState(refusal);
    const scheme = await currentScheme(tx, e);
    if (!scheme.components.some((c) => c.id === a.componentId))
      throw new AppError('VALIDATION_FAILED', '申诉的分项不在考核方案中');
    const snap = (await snapshotById(tx, e.snapshotId!))!;
    if (!(snap.inputs as SnapshotInputs).units.some((u) => u.id === String(a.unitId)))
      throw new AppError('VALIDATION_FAILED', '该单位不在本次考核名单中');
    const version = (await versionsOf(tx, id)).length;
    const row = await insertAppeal(tx, {
      evaluationId: id,
      version,
      unitId: a.unitId,
      componentId: a.componentId,
      reason: a.reason.trim(),
      filedBy: actor.userId,
    });
    await files.claimFiles(tx, actor, a.fileIds ?? [], {
      ownerType: 'evaluation_appeal',
      ownerId: row.id,
      unitId: a.unitId,
    });
    await emit(tx, {
      type: 'evaluation.appeal.filed',
      appealId: row.id,
      evaluationId: id,
      unitName: (snap.inputs as SnapshotInputs).units.find((u) => u.id === String(a.unitId))?.name ?? '',
      componentName: scheme.components.find((c) => c.id === a.componentId)?.name ?? a.componentId,
    });
    await recordAudit(tx, who, {
      action: 'evaluation.appeal.file',
      targetType: 'evaluation_appeal',
      targetId: row.id,
      unitId: a.unitId,
      after: { evaluationId: id, componentId: a.componentId, reason: row.reason },
    });
    return row;
  });
}

export interface AppealDecision {
  uphold: boolean;
  /** The corrected raw value of the component, when upheld (exact decimal). */
  correction?: string | undefined;
  reason: string;
}

/** 审核: the office upholds (with the corrected figure) or refuses (with a reason); a second person approves. */
export async function decideAppeal(db: Db, actor: Actor, who: AuditActor, appealId: number, d: AppealDecision) {
  if (d.uphold && d.correction === undefined) throw new AppError('VALIDATION_FAILED', '申诉成立时请填写更正后的数值');
  await db.transaction(async (tx) => {
    const a = await appealById(tx, appealId, true);
    if (!a) throw notFound('申诉');
    if (a.state !== 'filed') throw invalidState(`该申诉${APPEAL_STATE_LABELS[a.state]}，不能再审核`);
    const e = await evaluationOf(tx, a.evaluationId);
    if (e.state !== 'comment') throw invalidState('考核已正式发布，申诉不能再审核');
    const fields = {
      state: 'decided' as const,
      uphold: d.uphold ? ('uphold' as const) : ('refuse' as const),
      correction: d.uphold ? (d.correction ?? null) : null,
      decision: d.reason.trim(),
      decidedBy: actor.userId,
      decidedAt: new Date(),
    };
    await updateAppeal(tx, appealId, fields);
    await recordAudit(tx, who, {
      action: 'evaluation.appeal.decide',
      targetType: 'evaluation_appeal',
      targetId: appealId,
      unitId: a.unitId,
      before: { state: a.state },
      after: { state: fields.state, uphold: fields.uphold, correction: fields.correction, decision: fields.decision },
    });
  });
}

/** 复核: a second person confirms the decision; the appeal is then upheld or refused. */
export async function approveAppeal(db: Db, actor: Actor, who: AuditActor, appealId: number) {
  await db.transaction(async (tx) => {
    const a = await appealById(tx, appealId, true);
    if (!a) throw notFound('申诉');
    if (a.state !== 'decided') throw invalidState('该申诉尚未审核或已复核');
    if (a.decidedBy === actor.userId) throw forbidden('复核须由审核人以外的人进行（两人经手）');
    const state = a.uphold === 'uphold' ? ('upheld' as const) : ('refused' as const);
    await updateAppeal(tx, appealId, { state, approvedBy: actor.userId, approvedAt: new Date() });
    const e = await evaluationOf(tx, a.evaluationId);
    await emit(tx, {
      type: 'evaluation.appeal.settled',
      appealId,
      evaluationId: a.evaluationId,
      unitId: a.unitId,
      componentName: (await currentScheme(tx, e)).components.find((c) => c.id === a.componentId)?.name ?? a.componentId,
      upheld: state === 'upheld',
      decision: a.decision ?? '',
    });
    await recordAudit(tx, who, {
      action: 'evaluation.appeal.approve',
      targetType: 'evaluation_appeal',
      targetId: appealId,
      unitId: a.unitId,
      before: { state: 'decided' },
      after: { state },
    });
  });
}

/**
 * 正式发布: after the window, with every appeal settled. Upheld appeals correct their numbers in a new
 * snapshot, published as the next version with its diff; with none, version 1 stands as final.
 */
export async function finaliseEvaluation(db: Db, actor: Actor, who: AuditActor, id: number, today: IsoDate) {
  return db.transaction(async (tx) => {
    const e = await evaluationOf(tx, id, true);
    const appeals = await appealsOf(tx, id);
    const open = appeals.filter((a) => a.state === 'filed' || a.state === 'decided').length;
    const blocker = finaliseBlocker({ state: e.state, commentUntil: e.commentUntil, openAppeals: open }, today);
    if (blocker) throw invalidState(blocker);
    const upheld = appeals.filter((a) => a.state === 'upheld');
    const versions = await versionsOf(tx, id);
    let version = versions.length;
    const snap = (await snapshotById(tx, e.snapshotId!))!;
    const inputs = snap.inputs as SnapshotInputs;
    if (upheld.length > 0) {
      const corrected: SnapshotInputs = {
        ...inputs,
        values: inputs.values.map((v) => {
          const a = upheld.filter((x) => String(x.unitId) === v.unitId && x.componentId === v.componentId).at(-1);
          return a ? { ...v, value: a.correction } : v;
        }),
        records: [
          ...inputs.records,
          ...upheld.map((a) => ({
            componentId: a.componentId,
            unitId: String(a.unitId),
            records: [{ type: 'appeal' as const, appealId: a.id, correction: a.correction!, reason: a.decision ?? '' }],
          })),
        ],
      };
      const { lines, hash } = computeLines(corrected);
      const next = await insertSnapshot(tx, {
        evaluationId: id,
        schemeVersion: inputs.schemeVersion,
        inputHash: sha256(corrected),
        resultHash: hash,
        inputs: corrected,
        result: lines,
        createdBy: actor.userId,
      });
      const diff = versionDiff(snap.result as CategoryLines[], lines).map((c) => ({
        ...c,
        appeals: upheld.filter((a) => String(a.unitId) === c.unitId).map((a) => a.id),
      }));
      version += 1;
      await insertVersion(tx, { evaluationId: id, version, snapshotId: next.id, diff, publishedBy: actor.userId });
      await updateEvaluation(tx, id, { state: 'final', snapshotId: next.id });
    } else await updateEvaluation(tx, id, { state: 'final' });
    await emit(tx, {
      type: 'evaluation.published',
      evaluationId: id,
      name: e.name,
      version,
      stage: 'final',
      commentUntil: e.commentUntil,
      // A correction changes numbers, never who is ranked.
      unitIds: inputs.units.map((u) => Number(u.id)),
    });
    await recordAudit(tx, who, {
      action: 'evaluation.finalise',
      targetType: 'evaluation',
      targetId: id,
      before: { state: 'comment', version: versions.length },
      after: { state: 'final', version, upheldAppeals: upheld.map((a) => a.id) },
    });
    return { version };
  });
}
