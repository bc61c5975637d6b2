import {
  CHANNEL_LABELS,
  type Channel,
  type DeadLetterView as DeadLetter,
  type QuietRules,
  type RobotView,
} from '@leitai/core';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import * as units from '../units/index.js';
import {
  allRobots,
  deadLetters,
  deleteRobot,
  deliveriesOfNotices,
  deliveryById,
  insertRobot,
  prefsOf,
  requeue,
  robotById,
  updateRobot,
  upsertPrefs,
  type DeliveryRow,
  type RobotRow,
} from './delivery-repo.js';
import type { Prefs, RobotCreate, RobotPatch } from './delivery-schema.js';
import { quietRules, saveQuietRules } from './delivery-settings.js';

/** The use cases of outside delivery: robots, people's channels, quiet hours, dead letters, receipts. */

/** A webhook as the web may see it: where it points, never its key. */
export function maskWebhook(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}${u.search ? '?…' : ''}`;
  } catch {
    return '…';
  }
}

export const maskPhone = (p: string) => `${p.slice(0, 3)}****${p.slice(7)}`;
export const maskEmail = (e: string) => e.replace(/^(.).*(@.*)$/, '$1***$2');

/** The robot with its secrets replaced: what the API answers and what the audit log keeps. */
const robotView = (r: RobotRow, unitName: string): RobotView => ({
  id: r.id,
  unitId: r.unitId,
  unitName,
  kind: r.kind,
  name: r.name,
  webhook: maskWebhook(r.webhook),
  hasSecret: r.secret !== null && r.secret !== '',
  keywords: r.keywords,
  enabled: r.enabled,
});

export async function listRobots(db: Db): Promise<RobotView[]> {
  const rows = await allRobots(db);
  const names = await units.byIds(
    db,
    rows.map((r) => r.unitId),
  );
  return rows.map((r) => robotView(r, names.get(r.unitId)?.name ?? ''));
}

async function robotOr404(db: Db, id: number): Promise<RobotRow> {
  const robot = await robotById(db, id);
  if (!robot) throw notFound('机器人');
  return robot;
}

/** The unit a robot belongs to (for the route's access check). */
export async function robotUnit(db: Db, id: number): Promise<number> {
  return (await robotOr404(db, id)).unitId;
}

export async function createRobot(db: Db, who: AuditActor, input: RobotCreate): Promise<RobotView> {
  const unit = await units.byId(db, input.unitId);
  if (!unit) throw notFound('单位');
  if (input.kind === 'wecom' && input.secret) throw new AppError('VALIDATION_FAILED', '企业微信机器人没有加签密钥');
  return db.transaction(async (tx) => {
    const id = await insertRobot(tx, {
      unitId: input.unitId,
      kind: input.kind,
      name: input.name,
      webhook: input.webhook,
      secret: input.secret ?? null,
      keywords: input.keywords,
      enabled: input.enabled,
    });
    const view = robotView((await robotById(tx, id))!, unit.name);
    await recordAudit(tx, who, {
      action: 'delivery.robot.create',
      targetType: 'delivery_robot',
      targetId: id,
      unitId: input.unitId,
      after: view,
    });
    return view;
  });
}

export async function patchRobot(db: Db, who: AuditActor, id: number, patch: RobotPatch): Promise<RobotView> {
  return db.transaction(async (tx) => {
    const before = await robotOr404(tx, id);
    if (before.kind === 'wecom' && patch.secret) throw new AppError('VALIDATION_FAILED', '企业微信机器人没有加签密钥');
    await updateRobot(tx, id, patch);
    const unitName = (await units.nameOf(tx, before.unitId)) ?? '';
    const after = robotView((await robotById(tx, id))!, unitName);
    await recordAudit(tx, who, {
      action: 'delivery.robot.update',
      targetType: 'delivery_robot',
      targetId: id,
      unitId: before.unitId,
      before: robotView(before, unitName),
      after: { ...after, webhookChanged: patch.webhook !== undefined && patch.webhook !== before.webhook },
    });
    return after;
  });
}

export async function removeRobot(db: Db, who: AuditActor, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await robotOr404(tx, id);
    await deleteRobot(tx, id);
    await recordAudit(tx, who, {
      action: 'delivery.robot.delete',
      targetType: 'delivery_robot',
      targetId: id,
      unitId: before.unitId,
      before: robotView(before, (await units.nameOf(tx, before.unitId)) ?? ''),
    });
  });
}

export interface PrefsView extends Prefs {
  /** Which channels this deployment can deliver: a person may switch on only those. */
  available: { sms: boolean; email: boolean };
}

export async function myPrefs(db: Db, userId: number, available: PrefsView['available']): Promise<PrefsView> {
  const [p] = await prefsOf(db, [userId]);
  return {
    phone: p?.phone ?? null,
    smsOn: p?.smsOn ?? false,
    email: p?.email ?? null,
    emailOn: p?.emailOn ?? false,
    available,
  };
}

const auditPrefs = (p: Prefs) => ({
  phone: p.phone ? maskPhone(p.phone) : null,
  smsOn: p.smsOn,
  email: p.email ? maskEmail(p.email) : null,
  emailOn: p.emailOn,
});

export async function saveMyPrefs(
  db: Db,
  who: AuditActor,
  userId: number,
  input: Prefs,
  available: PrefsView['available'],
): Promise<PrefsView> {
  if (input.smsOn && !available.sms) throw new AppError('RULE_VIOLATION', '本系统未配置短信通道，无法开启短信通知');
  if (input.emailOn && !available.email) throw new AppError('RULE_VIOLATION', '本系统未配置邮件通道，无法开启邮件通知');
  await db.transaction(async (tx) => {
    const before = await myPrefs(tx, userId, available);
    await upsertPrefs(tx, { userId, ...input });
    await recordAudit(tx, who, {
      action: 'settings.update',
      targetType: 'delivery_prefs',
      targetId: userId,
      before: auditPrefs(before),
      after: auditPrefs(input),
    });
  });
  return myPrefs(db, userId, available);
}

export const deliverySettings = async (db: Db) => ({ quiet: await quietRules(db) });
export const saveDeliverySettings = async (db: Db, who: AuditActor, s: { quiet: QuietRules }) => ({
  quiet: await saveQuietRules(db, who, s.quiet),
});

export async function listDeadLetters(db: Db): Promise<DeadLetter<Date>[]> {
  const rows = await deadLetters(db, 200);
  const robots = new Map((await listRobots(db)).map((r) => [r.id, r]));
  return rows.map((r) => ({
    id: r.id,
    channel: r.channel,
    channelName: CHANNEL_LABELS[r.channel],
    to: destination(r, robots),
    title: r.title,
    attempts: r.attempts,
    error: r.lastError ?? '',
    createdAt: r.createdAt,
    actions: ['retry'],
  }));
}

function destination(r: DeliveryRow, robots: Map<number, RobotView>): string {
  if (r.robotId !== null) {
    const robot = robots.get(r.robotId);
    return robot ? `${robot.unitName} · ${robot.name}` : '';
  }
  if (!r.address) return '';
  return r.channel === 'sms' ? maskPhone(r.address) : maskEmail(r.address);
}

/** Puts a dead letter back in the queue (due now); audited. */
export async function retryDeadLetter(db: Db, who: AuditActor, id: number, now: Date): Promise<void> {
  const row = await deliveryById(db, id);
  if (!row) throw notFound('投递记录');
  if (row.state !== 'dead') throw new AppError('INVALID_STATE', '只有投递失败的消息可以重发');
  await db.transaction(async (tx) => {
    if (!(await requeue(tx, id, now))) throw new AppError('INVALID_STATE', '只有投递失败的消息可以重发');
    await recordAudit(tx, who, {
      action: 'delivery.retry',
      targetType: 'delivery',
      targetId: id,
      before: { state: 'dead', attempts: row.attempts, error: row.lastError },
      after: { state: 'pending' },
    });
  });
}

export interface Receipt {
  channel: Channel;
  state: 'pending' | 'sent' | 'failed';
  at: Date | null;
  digest: boolean;
}

/** Each notice's receipts: one per outside channel it went (or is going) to. */
export async function receiptsOf(db: Db, noticeIds: number[]): Promise<Map<number, Receipt[]>> {
  const out = new Map<number, Receipt[]>();
  for (const d of await deliveriesOfNotices(db, noticeIds)) {
    const receipt: Receipt = {
      channel: d.channel,
      state: d.state === 'sent' ? 'sent' : d.state === 'dead' ? 'failed' : 'pending',
      at: d.state === 'sent' ? d.sentAt : d.state === 'dead' ? null : d.notBefore,
      digest: d.digest,
    };
    for (const id of d.notificationIds) if (noticeIds.includes(id)) out.set(id, [...(out.get(id) ?? []), receipt]);
  }
  return out;
}
