import { createHash, randomBytes, randomInt } from 'node:crypto';
import {
  automaticRecusals,
  contestantsProblem,
  drawOrder,
  initialHostState,
  judgeCodesProblem,
  parseArenaScheme,
  ScoringInputError,
  validDrawSeed,
} from '@leitai/core';
import type { Actor } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { actorOffice, checkAccess } from '../../http/access.js';
import { AppError, conflict, invalidState, notFound } from '../../errors.js';
import { emit } from '../../events/emit.js';
import * as units from '../units/index.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { campaignNames } from '../dispatch/index.js';
import * as cadres from '../cadres/index.js';
import * as users from '../users/index.js';
import {
  contestantsOf,
  getArena,
  insertArena,
  insertRecusals,
  judgeAndContestantIn,
  judgesOf,
  saveState,
  setJudgeCode,
} from './repo.js';
import type { ArenaCreate } from './schema.js';

export const arenaTopic = (id: number): string => `arena:${id}`;
export const hashSecret = (s: string): string => createHash('sha256').update(s).digest('hex');

/** Letters and digits a person reads off a sheet without confusing 0/O or 1/I. */
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export function newJudgeCode(): string {
  return Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

export function schemeError(err: unknown): never {
  if (err instanceof ScoringInputError)
    throw new AppError('VALIDATION_FAILED', `评分方案有误：${err.reason}（${err.item}）`, { item: err.item });
  throw err;
}

/** Sets an arena up for the actor's office; its contestants must be units under that office. */
export async function createArena(
  db: Db,
  audit: AuditActor,
  actor: Actor,
  input: ArenaCreate,
): Promise<{ id: number }> {
  const office = actorOffice(actor);
  const scheme = { criteria: input.criteria, groups: input.groups, tieBreakers: input.tieBreakers };
  try {
    parseArenaScheme(scheme);
  } catch (err) {
    schemeError(err);
  }
  const groups = new Set(input.groups.map((g) => g.id));
  input.judges.forEach((j, i) => {
    if (!groups.has(j.groupId))
      throw new AppError('VALIDATION_FAILED', `第 ${i + 1} 位评委“${j.name}”的评委组“${j.groupId}”不在方案中`);
  });
  const accountIds = input.judges.flatMap((j) => (j.userId == null ? [] : [j.userId]));
  if (new Set(accountIds).size !== accountIds.length)
    throw new AppError('VALIDATION_FAILED', '同一账号不能重复担任本场评委');
  const accounts = await users.accountsByIds(db, accountIds);
  const judges = input.judges.map((j, i) => {
    if (j.userId == null) return { name: j.name, groupId: j.groupId, unitId: j.unitId, userId: null };
    const a = accounts.get(j.userId);
    if (!a) throw new AppError('VALIDATION_FAILED', `第 ${i + 1} 位评委所选账号不存在或已停用`);
    // An account judges under its own name, from its own unit (so it is recused from that unit).
    return { name: a.name, groupId: j.groupId, unitId: j.unitId ?? a.unitId, userId: a.id };
  });
  const people = await cadres.byIds(
    db,
    input.contestants.flatMap((c) => (c.cadreId == null ? [] : [c.cadreId])),
  );
  const contestants = input.contestants.map((c, i) => resolveContestant(c, i, people));
  const problem = contestantsProblem(contestants);
  if (problem) throw new AppError('VALIDATION_FAILED', problem);
  const unitIds = [...new Set(contestants.map((c) => c.unitId))];
  const wanted = [...new Set([...unitIds, ...judges.flatMap((j) => (j.unitId === null ? [] : [j.unitId]))])];
  return db.transaction(async (tx) => {
    if ((await units.byIds(tx, wanted)).size !== wanted.length)
      throw new AppError('VALIDATION_FAILED', '选手或评委所属单位不存在');
    for (const unitId of unitIds) await checkAccess(tx, actor, 'arena.manage', { unitId });
    // An office picks judges among its own subtree's accounts only.
    for (const a of accounts.values()) await checkAccess(tx, actor, 'arena.manage', { unitPath: a.unitPath });
    for (const c of people.values()) await checkAccess(tx, actor, 'cadre.read', { kind: 'cadre', id: c.id });
    if (input.campaignId !== null && !(await campaignNames(tx, [input.campaignId])).has(input.campaignId))
      throw new AppError('VALIDATION_FAILED', '所选考核活动不存在');
    const arena = await insertArena(
      tx,
      {
        campaignId: input.campaignId,
        officeUnitId: office.unitId,
        title: input.title,
        kind: input.kind ?? null,
        heldOn: input.heldOn,
        scheme,
        speakingSeconds: input.speakingSeconds,
        state: initialHostState([]),
        screenToken: randomBytes(18).toString('base64url'),
        createdBy: actor.userId,
      },
      contestants,
      judges,
    );
    const auto = automaticRecusals(
      arena.judges.map((j) => ({ id: String(j.id), unitId: j.unitId === null ? null : String(j.unitId) })),
      arena.contestants.map((c) => ({ id: String(c.id), unitId: String(c.unitId) })),
    );
    await insertRecusals(
      tx,
      arena.id,
      auto.map((r) => ({
        judgeId: Number(r.judgeId),
        contestantId: Number(r.contestantId),
        kind: r.kind,
        reason: r.reason,
      })),
    );
    await recordAudit(tx, audit, {
      action: 'arena.create',
      targetType: 'arena',
      targetId: arena.id,
      after: { ...input, judges, recusals: auto.length },
    });
    return { id: arena.id };
  });
}

/**
 * A contestant as stored: a person stands for the unit they serve in; a cadre presenting for a unit must serve
 * in it. The cadre's name is the presenter's, so every view that shows the presenter shows them.
 */
function resolveContestant(
  c: ArenaCreate['contestants'][number],
  i: number,
  people: Map<number, cadres.Cadre>,
): { kind: 'unit' | 'person'; unitId: number; cadreId: number | null; presenter: string } {
  const kind = c.kind ?? 'unit';
  const cadre = c.cadreId == null ? undefined : people.get(c.cadreId);
  if (c.cadreId != null && !cadre) throw new AppError('VALIDATION_FAILED', `第 ${i + 1} 位选手选择的干部不存在`);
  if (kind === 'person') {
    if (c.unitId !== undefined && c.unitId !== cadre!.unitId)
      throw new AppError('VALIDATION_FAILED', `第 ${i + 1} 位选手“${cadre!.name}”不在所填单位任职`);
    return { kind, unitId: cadre!.unitId, cadreId: cadre!.id, presenter: cadre!.name };
  }
  if (cadre && cadre.unitId !== c.unitId)
    throw new AppError('VALIDATION_FAILED', `陈述人“${cadre.name}”不在第 ${i + 1} 位选手单位任职`);
  return { kind, unitId: c.unitId!, cadreId: cadre?.id ?? null, presenter: c.presenter || (cadre?.name ?? '') };
}

/** 抽签: once per arena, from the given seed or a fresh random one; the seed is published with the result. */
export async function drawArena(
  db: Db,
  audit: AuditActor,
  arenaId: number,
  seedIn?: string,
): Promise<{ seed: string; order: number[] }> {
  const seed = seedIn ?? randomBytes(6).toString('hex');
  if (!validDrawSeed(seed)) throw new AppError('VALIDATION_FAILED', '抽签种子须为 1–64 个不含空格的字符');
  return db.transaction(async (tx) => {
    const arena = await getArena(tx, arenaId, true);
    if (arena.state.status !== 'draft') throw invalidState('擂台赛已开始，不能重新抽签');
    if (arena.seed !== null) throw invalidState(`已抽签（种子 ${arena.seed}），出场顺序已确定`);
    const contestants = await contestantsOf(tx, arenaId);
    const order = drawOrder(
      seed,
      contestants.map((c) => String(c.id)),
    );
    await saveState(tx, arenaId, initialHostState(order), { seed });
    await recordAudit(tx, audit, {
      action: 'arena.draw',
      targetType: 'arena',
      targetId: arenaId,
      after: { seed, order },
    });
    await emit(tx, { type: 'arena.drawn', arenaId });
    return { seed, order: order.map(Number) };
  });
}

export async function addRecusal(
  db: Db,
  audit: AuditActor,
  arenaId: number,
  r: { judgeId: number; contestantId: number; reason: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const arena = await getArena(tx, arenaId, true);
    if (arena.state.status === 'finished') throw invalidState('擂台赛已结束，不能再添加回避');
    if (!(await judgeAndContestantIn(tx, arenaId, r.judgeId, r.contestantId))) throw notFound('评委或选手');
    if ((await insertRecusals(tx, arenaId, [{ ...r, kind: 'manual' }])) === 0) throw conflict('该评委已对该选手回避');
    await recordAudit(tx, audit, { action: 'arena.recusal.add', targetType: 'arena', targetId: arenaId, after: r });
    await emit(tx, { type: 'arena.recusal.added', arenaId });
  });
}

/**
 * Issues new one-time codes (all judges without a bound phone, or one judge, whose phone is then
 * released). Codes are shown once here and stored only as hashes.
 */
export async function issueCodes(
  db: Db,
  audit: AuditActor,
  arenaId: number,
  judgeId?: number,
): Promise<{ judgeId: number; name: string; groupId: string; code: string }[]> {
  return db.transaction(async (tx) => {
    const arena = await getArena(tx, arenaId, true);
    const closed = judgeCodesProblem(arena.state);
    if (closed) throw invalidState(closed);
    const judges = await judgesOf(tx, arenaId);
    // Account judges score signed in: they get no code.
    const outside = judges.filter((j) => j.userId === null);
    const targets =
      judgeId === undefined ? outside.filter((j) => !j.deviceBound) : outside.filter((j) => j.id === judgeId);
    if (judgeId !== undefined && targets.length === 0) throw notFound('评委');
    const out = [];
    for (const j of targets) {
      const code = newJudgeCode();
      await setJudgeCode(tx, j.id, hashSecret(code), judgeId === undefined);
      out.push({ judgeId: j.id, name: j.name, groupId: j.groupId, code });
    }
    await recordAudit(tx, audit, {
      action: judgeId === undefined ? 'arena.codes.issue' : 'arena.judge.reset',
      targetType: 'arena',
      targetId: arenaId,
      after: { judges: out.map((o) => o.judgeId) },
    });
    return out;
  });
}
