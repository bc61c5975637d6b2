import { createHash, randomBytes } from 'node:crypto';
import { ScoringInputError, answerTotal, toDecimal, type ReviewQuestionnaire } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { AppError, invalidState, notFound } from '../../errors.js';
import { exportWorkbook, INT_FMT } from '../../excel/index.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { evaluatedUnits } from './inputs.js';
import { currentScheme, evaluationOf } from './service.js';
import {
  insertAnswers,
  insertInvites,
  inviteByHash,
  invitesOf,
  markInviteUsed,
  type EvaluationRow,
} from './repository.js';

/** The questionnaire of an evaluation's 评议 component, or a 409 when its scheme has none. */
export async function questionnaireOf(db: Db, e: EvaluationRow): Promise<ReviewQuestionnaire> {
  const c = (await currentScheme(db, e)).components.find((x) => x.source.kind === 'review');
  if (!c || c.source.kind !== 'review') throw invalidState('该考核方案没有评议分项');
  return c.source.questionnaire;
}

const hashCode = (code: string) => createHash('sha256').update(code.toUpperCase()).digest('hex');
/** 12 characters of an alphabet without look-alikes (no 0/O, 1/I/L): about 60 bits, typed from paper. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
function newCode(): string {
  const bytes = randomBytes(12);
  return [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
}

/** 发放邀请: `count` one-time codes for a rater group; only their hashes are kept, so the codes are returned once. */
export async function createInvites(
  db: Db,
  who: AuditActor,
  id: number,
  groupId: string,
  count: number,
): Promise<{ evaluation: string; group: string; codes: string[] }> {
  const e = await evaluationOf(db, id);
  if (e.state !== 'draft') throw invalidState('考核已截止，评议已结束');
  const q = await questionnaireOf(db, e);
  const group = q.groups.find((g) => g.id === groupId);
  if (!group) throw new AppError('VALIDATION_FAILED', '评议组不在问卷中');
  const codes = Array.from({ length: count }, newCode);
  await db.transaction(async (tx) => {
    await insertInvites(
      tx,
      codes.map((c) => ({ evaluationId: id, groupId, codeHash: hashCode(c) })),
    );
    await recordAudit(tx, who, {
      action: 'evaluation.review.invite',
      targetType: 'evaluation',
      targetId: id,
      after: { groupId, count },
    });
  });
  return { evaluation: e.name, group: group.name, codes };
}

/** The invitations as the office hands them out: an Excel sheet of codes and links. */
export function invitesSheet(issued: { evaluation: string; group: string; codes: string[] }, origin: string) {
  const rows = issued.codes.map((code, i) => ({ n: i + 1, code, link: `${origin}/review/${code}` }));
  return exportWorkbook<[(typeof rows)[number]]>([
    {
      name: issued.group.slice(0, 31),
      title: [
        `${issued.evaluation} · ${issued.group}评议邀请`,
        '每个邀请码只能提交一次，评议不记名；请逐一发放给评议人',
      ],
      columns: [
        { header: '序号', numFmt: INT_FMT, value: (r) => r.n },
        { header: '邀请码', width: 18, value: (r) => r.code },
        { header: '评议链接', width: 60, value: (r) => r.link },
      ],
      rows,
    },
  ]);
}

/** Progress per group while the 评议 runs: invitations issued and used, against the minimum. */
export async function reviewProgress(db: Db, id: number) {
  const e = await evaluationOf(db, id);
  const q = await questionnaireOf(db, e);
  const invites = await invitesOf(db, id);
  return {
    minRespondents: q.minRespondents,
    groups: q.groups.map((g) => {
      const mine = invites.filter((i) => i.groupId === g.id);
      const used = mine.filter((i) => i.used).length;
      return {
        id: g.id,
        name: g.name,
        weight: String(g.weight),
        issued: mine.length,
        used,
        enough: used >= q.minRespondents,
      };
    }),
  };
}

const inviteByCode = (db: Db, code: string, lock = false) => inviteByHash(db, hashCode(code), lock);

/** The rater's form: the questionnaire, the group, and every unit to be rated (no account, by code). */
export async function reviewForm(db: Db, code: string) {
  const invite = await inviteByCode(db, code);
  if (!invite) throw notFound('评议邀请码');
  if (invite.used) throw invalidState('该邀请码已提交过评议，感谢参与');
  const e = await evaluationOf(db, invite.evaluationId);
  if (e.state !== 'draft') throw invalidState('本次评议已结束');
  const q = await questionnaireOf(db, e);
  const { units, categories } = await evaluatedUnits(db);
  return {
    evaluation: e.name,
    group: q.groups.find((g) => g.id === invite.groupId)?.name ?? '',
    items: q.items.map((i) => ({ id: i.id, text: i.text, points: String(i.points) })),
    units: units.map((u) => ({
      id: Number(u.id),
      name: u.name,
      categoryName: categories.find((c) => c.id === u.categoryId)?.name ?? '',
    })),
  };
}

/**
 * 提交评议: every unit scored on every item, once per code. The answers carry the group only: the code is
 * marked used in the same transaction and nothing ties the two.
 */
export async function submitReview(
  db: Db,
  code: string,
  answers: readonly { unitId: number; scores: Record<string, string> }[],
): Promise<{ units: number }> {
  return db.transaction(async (tx) => {
    const invite = await inviteByCode(tx, code, true);
    if (!invite) throw notFound('评议邀请码');
    if (invite.used) throw invalidState('该邀请码已提交过评议，不能重复提交');
    const e = await evaluationOf(tx, invite.evaluationId);
    if (e.state !== 'draft') throw invalidState('本次评议已结束');
    const q = await questionnaireOf(tx, e);
    const { units } = await evaluatedUnits(tx);
    const wanted = new Set(units.map((u) => Number(u.id)));
    const given = new Set(answers.map((a) => a.unitId));
    if (given.size !== answers.length) throw new AppError('VALIDATION_FAILED', '同一单位只能评一次');
    const missing = units.filter((u) => !given.has(Number(u.id)));
    if (missing.length > 0)
      throw new AppError(
        'VALIDATION_FAILED',
        `还有 ${missing.length} 个单位未评：${missing
          .slice(0, 3)
          .map((u) => u.name)
          .join('、')}…`,
      );
    const rows = answers.map((a) => {
      if (!wanted.has(a.unitId)) throw new AppError('VALIDATION_FAILED', '含有不在评议名单中的单位');
      const name = units.find((u) => Number(u.id) === a.unitId)?.name ?? '';
      let total: number;
      try {
        total = answerTotal(q, a.scores, name);
      } catch (err) {
        if (err instanceof ScoringInputError) throw new AppError('VALIDATION_FAILED', `${name}：${err.reason}`);
        throw err;
      }
      return {
        evaluationId: e.id,
        groupId: invite.groupId,
        unitId: a.unitId,
        scores: a.scores,
        total: toDecimal(total),
      };
    });
    await markInviteUsed(tx, invite.id);
    await insertAnswers(tx, rows);
    return { units: rows.length };
  });
}
