import { randomBytes } from 'node:crypto';
import {
  can,
  RATING_POINT_KIND_LABELS,
  type Actor,
  type RatingPointKind as PointKind,
  type RatingPointView as PointView,
} from '@leitai/core';
import type { Db } from '../../db/client.js';
import { AppError, conflict, importInvalid, notFound, type ImportProblem } from '../../errors.js';
import { buildTemplate, byRow, readSheet, type TemplateColumn } from '../../excel/index.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import * as units from '../units/index.js';
import { forgetPoints } from './point-cache.js';
import { postersPdf } from './posters.js';
import { qrPng } from '../../documents/index.js';
import { insertPoints, pointById, pointNamesTaken, pointsOf, updatePoint, type PointRow } from './repository.js';
import { ratingSettings } from './settings.js';

/** A point belongs to its unit's office (the nearest office at or above the unit: docs/levels.md). */
async function unitOffice(db: Db, unitId: number): Promise<number> {
  const path = await units.pathOf(db, unitId);
  const office = path === null ? null : await units.officeOf(db, path);
  if (!office) throw new AppError('VALIDATION_FAILED', '该单位不属于任何考核办');
  return office.unitId;
}

/** 24 random characters: the address cannot be guessed from another point's. */
const newCode = () => randomBytes(12).toString('base64url');

export async function pointViews(db: Db, actor: Actor, unitIds: number[]): Promise<PointView[]> {
  const rows = await pointsOf(db, unitIds);
  const unitMap = await units.byIds(
    db,
    rows.flatMap((r) => [r.unitId, r.officeUnitId]),
  );
  return rows.map((p) => {
    const unit = unitMap.get(p.unitId);
    return {
      id: p.id,
      unit: { id: p.unitId, name: unit?.name ?? '' },
      name: p.name,
      kind: p.kind,
      kindLabel: RATING_POINT_KIND_LABELS[p.kind],
      code: p.code,
      path: `/r/${p.code}`,
      active: p.active,
      office: { id: p.officeUnitId, name: unitMap.get(p.officeUnitId)?.name ?? '' },
      canManage:
        unit !== undefined &&
        can(actor, 'rating.points', { officePath: unitMap.get(p.officeUnitId)?.path ?? '/', unitPaths: [unit.path] }),
    };
  });
}

export async function createPoints(
  db: Db,
  who: AuditActor,
  unitId: number,
  points: { name: string; kind: PointKind }[],
): Promise<PointRow[]> {
  return db.transaction(async (tx) => {
    const officeUnitId = await unitOffice(tx, unitId);
    const taken = await pointNamesTaken(
      tx,
      unitId,
      points.map((p) => p.name),
    );
    const dup = points.find((p) => taken.has(p.name));
    if (dup) throw conflict(`本单位已有名为“${dup.name}”的评价点`);
    const rows = await insertPoints(
      tx,
      points.map((p) => ({ unitId, officeUnitId, name: p.name, kind: p.kind, code: newCode() })),
    );
    for (const r of rows)
      await recordAudit(tx, who, {
        action: 'rating.point.create',
        targetType: 'rating_point',
        targetId: r.id,
        unitId,
        after: { name: r.name, kind: r.kind },
      });
    return rows;
  });
}

export async function editPoint(
  db: Db,
  who: AuditActor,
  id: number,
  set: { name?: string | undefined; kind?: PointKind | undefined; active?: boolean | undefined },
): Promise<PointRow> {
  return db.transaction(async (tx) => {
    const before = await pointById(tx, id);
    if (!before) throw notFound('评价点');
    if (set.name && set.name !== before.name && (await pointNamesTaken(tx, before.unitId, [set.name])).size > 0)
      throw conflict(`本单位已有名为“${set.name}”的评价点`);
    const after = (await updatePoint(tx, id, set))!;
    forgetPoints(db);
    await recordAudit(tx, who, {
      action: 'rating.point.update',
      targetType: 'rating_point',
      targetId: id,
      unitId: before.unitId,
      before: { name: before.name, kind: before.kind, active: before.active },
      after: { name: after.name, kind: after.kind, active: after.active },
    });
    return after;
  });
}

const COLUMNS = [
  { header: '单位编码', required: true, width: 16 },
  { header: '评价点名称', required: true, width: 30 },
  { header: '类型', list: Object.values(RATING_POINT_KIND_LABELS), width: 10 },
] as const satisfies readonly TemplateColumn[];

export const pointTemplate = () =>
  buildTemplate({
    sheetName: '评价点',
    columns: COLUMNS,
    examples: [['GXJ', '企业服务窗口', '窗口']],
    instructions: [
      '每行一个评价点：单位编码见“单位管理”；类型为单位、窗口、事项或队伍（默认窗口）。',
      '同一单位的评价点名称不能重复；导入后每个评价点自动生成二维码。',
    ],
  });

/** Imports points from the template: every row checked first, nothing written unless all are valid. */
export async function importPoints(db: Db, actor: Actor, who: AuditActor, file: Buffer): Promise<{ created: number }> {
  const { rows, problems } = await readSheet(file, COLUMNS);
  const all = await units.all(db);
  const byCode = new Map(all.map((u) => [u.code, u] as const));
  const kinds = new Map<string, PointKind>(
    Object.entries(RATING_POINT_KIND_LABELS).map(([k, v]) => [v, k as PointKind]),
  );
  const wanted: { unitId: number; name: string; kind: PointKind; row: number }[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const unit = byCode.get(r.cells['单位编码']);
    const name = r.cells['评价点名称'];
    const problem = (column: string, message: string) => problems.push({ row: r.row, column, message });
    if (r.cells['单位编码'] && !unit) problem('单位编码', `没有编码为“${r.cells['单位编码']}”的单位`);
    else if (unit && !can(actor, 'rating.points', unit.path)) problem('单位编码', `无权为“${unit.name}”设置评价点`);
    if (name.length > 40) problem('评价点名称', '不超过 40 个字');
    if (unit && name) {
      const key = `${unit.id}|${name}`;
      if (seen.has(key)) problem('评价点名称', '与前面的行重复');
      seen.add(key);
      wanted.push({ unitId: unit.id, name, kind: kinds.get(r.cells['类型']) ?? 'window', row: r.row });
    }
  }
  for (const [unitId, list] of groupBy(wanted, (w) => w.unitId)) {
    const taken = await pointNamesTaken(
      db,
      unitId,
      list.map((w) => w.name),
    );
    for (const w of list)
      if (taken.has(w.name)) problems.push({ row: w.row, column: '评价点名称', message: '本单位已有同名评价点' });
  }
  if (problems.length > 0) throw importInvalid([...problems].sort(byRow) as ImportProblem[]);
  let created = 0;
  await db.transaction(async (tx) => {
    const rowsIn = await insertPoints(
      tx,
      await Promise.all(
        wanted.map(async (w) => ({
          unitId: w.unitId,
          officeUnitId: await unitOffice(tx, w.unitId),
          name: w.name,
          kind: w.kind,
          code: newCode(),
        })),
      ),
    );
    created = rowsIn.length;
    await recordAudit(tx, who, {
      action: 'rating.point.import',
      targetType: 'rating_point',
      after: { created, ids: rowsIn.map((r) => r.id) },
    });
  });
  return { created };
}

function groupBy<T, K>(xs: T[], key: (x: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
}

/** The given points' posters in one PDF, A4 or A5 sheets; `origin` is the site's address. */
export async function posters(db: Db, points: PointView[], origin: string, size: 'A4' | 'A5'): Promise<Buffer> {
  if (points.length === 0) throw new AppError('VALIDATION_FAILED', '没有可打印的评价点');
  const { campaignName } = await ratingSettings(db);
  return postersPdf(
    points.map((p) => ({ unitName: p.unit.name, pointName: p.name, url: `${origin}${p.path}` })),
    { size, campaign: campaignName },
  );
}

export async function pointQr(db: Db, id: number, origin: string): Promise<Buffer> {
  const p = await pointById(db, id);
  if (!p) throw notFound('评价点');
  return qrPng(`${origin}/r/${p.code}`);
}
