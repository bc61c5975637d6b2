import { eq } from 'drizzle-orm';
import { can, type Actor } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { categories, units } from '../../db/schema/index.js';
import { AppError, conflict, forbidden, notFound } from '../../errors.js';
import { checkAccess } from '../../http/access.js';
import { recordAudit, type AuditActor } from '../audit/service.js';
import { activeDependants, findUnit, findUnitByCode, insertUnit, moveSubtree, type UnitRow } from './repository.js';
import type { CategoryInput, NewUnitInput, UnitPatch } from './schema.js';

/** A unit the actor may manage (404 when they may not even see it); the route checked the one it names. */
async function manageable(db: Db, actor: Actor, id: number): Promise<UnitRow> {
  await checkAccess(db, actor, 'unit.manage', { kind: 'unit', id });
  return existing(db, id);
}

async function existing(db: Db, id: number): Promise<UnitRow> {
  const unit = await findUnit(db, id);
  if (!unit) throw notFound('单位');
  return unit;
}

function assertActive(parent: UnitRow): UnitRow {
  if (!parent.active) throw new AppError('RULE_VIOLATION', `上级单位“${parent.name}”已停用`, { field: 'parentId' });
  return parent;
}

/** One unit (the route checked that the actor may read it). */
export async function getUnit(db: Db, id: number): Promise<UnitRow> {
  return existing(db, id);
}

async function assertCategory(db: Db, categoryId: number | null | undefined): Promise<void> {
  if (categoryId === null || categoryId === undefined) return;
  const [row] = await db.select({ id: categories.id }).from(categories).where(eq(categories.id, categoryId));
  if (!row) throw new AppError('VALIDATION_FAILED', '所选考核类别不存在', { field: 'categoryId' });
}

export async function createUnit(db: Db, actor: Actor, who: AuditActor, input: NewUnitInput): Promise<UnitRow> {
  return db.transaction(async (tx) => {
    if (input.parentId !== null) assertActive(await existing(tx, input.parentId));
    else if (!can(actor, 'unit.manage', '/')) throw forbidden('只有全区范围的管理员可以建立顶级单位');
    await assertCategory(tx, input.categoryId);
    if (await findUnitByCode(tx, input.code)) throw conflict(`单位编码“${input.code}”已被使用`, { field: 'code' });
    const { id } = await insertUnit(tx, input);
    const created = (await findUnit(tx, id))!;
    await recordAudit(tx, who, { action: 'unit.create', targetType: 'unit', targetId: id, unitId: id, after: created });
    return created;
  });
}

export async function updateUnit(
  db: Db,
  actor: Actor,
  who: AuditActor,
  id: number,
  patch: UnitPatch,
): Promise<UnitRow> {
  return db.transaction(async (tx) => {
    const before = await existing(tx, id);
    await assertCategory(tx, patch.categoryId);
    if (patch.parentId !== undefined && patch.parentId !== before.parentId) {
      let newParentPath = '/';
      if (patch.parentId !== null) {
        const parent = assertActive(await manageable(tx, actor, patch.parentId));
        if (parent.path.startsWith(before.path))
          throw new AppError('RULE_VIOLATION', '不能把单位移到它自己或它的下级单位之下', { field: 'parentId' });
        newParentPath = parent.path;
      } else if (!can(actor, 'unit.manage', '/')) throw forbidden('只有全区范围的管理员可以建立顶级单位');
      await moveSubtree(tx, before.path, `${newParentPath}${id}/`);
    }
    if (patch.active === false && before.active) {
      const dependants = await activeDependants(tx, id);
      if (dependants.children > 0 || dependants.users > 0) {
        throw new AppError(
          'RULE_VIOLATION',
          `该单位还有 ${dependants.children} 个在用下级单位、${dependants.users} 个在用账号，请先调整后再停用`,
        );
      }
    }
    const { parentId: _moved, ...rest } = patch;
    await tx
      .update(units)
      .set({ ...rest, ...(patch.parentId !== undefined ? { parentId: patch.parentId } : {}) })
      .where(eq(units.id, id));
    const after = (await findUnit(tx, id))!;
    await recordAudit(tx, who, { action: 'unit.update', targetType: 'unit', targetId: id, unitId: id, before, after });
    return after;
  });
}

export async function listCategories(db: Db) {
  return db.select().from(categories).orderBy(categories.sortOrder, categories.id);
}

export async function createCategory(db: Db, who: AuditActor, input: CategoryInput) {
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(categories).where(eq(categories.code, input.code));
    if (existing) throw conflict(`类别编码“${input.code}”已被使用`, { field: 'code' });
    const [row] = await tx.insert(categories).values(input).returning();
    await recordAudit(tx, who, { action: 'category.create', targetType: 'category', targetId: row!.id, after: row });
    return row!;
  });
}

/** A category still used by a unit stays; an unused one may go (audited). */
export async function deleteCategory(db: Db, who: AuditActor, id: number) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(categories).where(eq(categories.id, id));
    if (!before) throw notFound('考核类别');
    const [used] = await tx.select({ id: units.id }).from(units).where(eq(units.categoryId, id)).limit(1);
    if (used) throw new AppError('RULE_VIOLATION', `考核类别“${before.name}”仍有单位在用，不能删除`);
    await tx.delete(categories).where(eq(categories.id, id));
    await recordAudit(tx, who, { action: 'category.delete', targetType: 'category', targetId: id, before });
  });
}

export async function updateCategory(db: Db, who: AuditActor, id: number, input: Partial<CategoryInput>) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(categories).where(eq(categories.id, id));
    if (!before) throw notFound('考核类别');
    if (input.code && input.code !== before.code) {
      const [clash] = await tx.select().from(categories).where(eq(categories.code, input.code));
      if (clash) throw conflict(`类别编码“${input.code}”已被使用`, { field: 'code' });
    }
    const [after] = await tx.update(categories).set(input).where(eq(categories.id, id)).returning();
    await recordAudit(tx, who, { action: 'category.update', targetType: 'category', targetId: id, before, after });
    return after!;
  });
}
