import { paceProfile, parseDecimal, parseWarningRule, ScoringInputError, type Actor } from '@leitai/core';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { campaigns, indicatorAssignments, indicators } from '../../db/schema/index.js';
import { AppError, notFound } from '../../errors.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { assignmentsOf, campaignIndicators, getCampaign, type IndicatorRow } from './repo.js';
import type { IndicatorEdit, NewCampaign, NewIndicator } from './schema.js';

/** Creates a campaign; with `copyFromId`, last year's indicator list and its assignments come along (targets do not: they are set anew). */
export async function createCampaign(db: Db, _actor: Actor, who: AuditActor, input: NewCampaign) {
  return db.transaction(async (tx) => {
    const source = input.copyFromId === undefined ? undefined : await getCampaign(tx, input.copyFromId);
    if (input.copyFromId !== undefined && !source) throw notFound('被复制的活动');
    const [row] = await tx
      .insert(campaigns)
      .values({
        name: input.name,
        startYear: input.startYear,
        endYear: input.endYear,
        phases: input.phases,
        cadence: input.cadence,
        copiedFromId: source?.id ?? null,
      })
      .returning();
    let copied = 0;
    if (source) {
      const inds = await campaignIndicators(tx, source.id);
      const assigns = await assignmentsOf(
        tx,
        inds.map((i) => i.id),
      );
      for (const ind of inds.filter((i) => i.retiredFrom === null)) {
        const { id: _old, campaignId: _c, ...rest } = ind;
        const [copy] = await tx
          .insert(indicators)
          .values({ ...rest, campaignId: row!.id })
          .returning({ id: indicators.id });
        const mine = assigns
          .filter((a) => a.indicatorId === ind.id)
          .map((a) => ({ indicatorId: copy!.id, unitId: a.unitId, categoryId: a.categoryId }));
        if (mine.length > 0) await tx.insert(indicatorAssignments).values(mine);
        copied += 1;
      }
    }
    await recordAudit(tx, who, {
      action: 'campaign.create',
      targetType: 'campaign',
      targetId: row!.id,
      after: { ...input, copiedIndicators: copied },
    });
    return { id: row!.id, copiedIndicators: copied };
  });
}

/** Checks the parts core understands (profile, rule, weight) with core's own rules, as a 400 naming the field. */
function checkIndicatorRules(input: IndicatorEdit): void {
  try {
    paceProfile(input.profile, '序时进度');
    parseWarningRule(input.rule, '预警规则');
    if (parseDecimal(input.weight, '权重') < 0) throw new ScoringInputError('权重', '不能为负');
  } catch (e) {
    if (e instanceof ScoringInputError)
      throw new AppError('VALIDATION_FAILED', `${e.item}：${e.reason}`, { field: e.item });
    throw e;
  }
}

export async function createIndicator(
  db: Db,
  _actor: Actor,
  who: AuditActor,
  campaignId: number,
  input: NewIndicator,
): Promise<IndicatorRow> {
  checkIndicatorRules(input);
  return db.transaction(async (tx) => {
    if (!(await getCampaign(tx, campaignId))) throw notFound('活动');
    const existing = await campaignIndicators(tx, campaignId);
    if (existing.some((i) => i.name === input.name)) throw new AppError('CONFLICT', `本活动已有指标“${input.name}”`);
    const [row] = await tx
      .insert(indicators)
      .values({
        campaignId,
        name: input.name,
        measure: input.measure,
        kind: input.kind,
        lowerIsBetter: input.lowerIsBetter,
        // Growth (同比) can fall below zero; counts and amounts cannot, unless said otherwise.
        allowNegative: input.allowNegative ?? input.kind === 'growth',
        profile: input.profile,
        rule: input.rule,
        weight: input.weight,
        sortOrder: existing.length + 1,
      })
      .returning();
    await assign(tx, row!.id, input);
    await recordAudit(tx, who, {
      action: 'indicator.create',
      targetType: 'indicator',
      targetId: row!.id,
      after: input,
    });
    return row!;
  });
}

/**
 * Edits an indicator: name, measure, direction, pace profile, warning rule, weight and assignments.
 * Colours of every month follow the new rule at once (they are computed, never stored); the audit
 * record keeps the old settings. The kind stays: figures already reported were entered as that kind.
 */
export async function editIndicator(
  db: Db,
  who: AuditActor,
  campaignId: number,
  indicatorId: number,
  input: IndicatorEdit,
) {
  checkIndicatorRules(input);
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(indicators).where(eq(indicators.id, indicatorId)).for('update');
    if (!row || row.campaignId !== campaignId) throw notFound('指标');
    const others = await campaignIndicators(tx, campaignId);
    if (others.some((i) => i.id !== indicatorId && i.name === input.name))
      throw new AppError('CONFLICT', `本活动已有指标“${input.name}”`);
    const before = {
      ...pickSettings(row),
      assignments: await assignmentsOf(tx, [indicatorId]).then((a) =>
        a.map((x) => ({ unitId: x.unitId, categoryId: x.categoryId })),
      ),
    };
    await tx
      .update(indicators)
      .set({
        name: input.name,
        measure: input.measure,
        lowerIsBetter: input.lowerIsBetter,
        profile: input.profile,
        rule: input.rule,
        weight: input.weight,
      })
      .where(eq(indicators.id, indicatorId));
    await tx.delete(indicatorAssignments).where(eq(indicatorAssignments.indicatorId, indicatorId));
    await assign(tx, indicatorId, input);
    await recordAudit(tx, who, {
      action: 'indicator.edit',
      targetType: 'indicator',
      targetId: indicatorId,
      before,
      after: input,
    });
    return { id: indicatorId };
  });
}

/** Who carries the indicator: named units, and every active unit of the named categories. */
async function assign(tx: Db, indicatorId: number, to: { unitIds: number[]; categoryIds: number[] }): Promise<void> {
  const rows = [
    ...to.unitIds.map((unitId) => ({ indicatorId, unitId, categoryId: null })),
    ...to.categoryIds.map((categoryId) => ({ indicatorId, unitId: null, categoryId })),
  ];
  if (rows.length > 0) await tx.insert(indicatorAssignments).values(rows);
}

const pickSettings = (r: IndicatorRow) => ({
  name: r.name,
  measure: r.measure,
  lowerIsBetter: r.lowerIsBetter,
  profile: r.profile,
  rule: r.rule,
  weight: r.weight,
});

/** Retires an indicator from a month on (or brings it back with null): earlier months keep their figures and colours. */
export async function retireIndicator(
  db: Db,
  _actor: Actor,
  who: AuditActor,
  campaignId: number,
  indicatorId: number,
  retiredFrom: string | null,
) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(indicators).where(eq(indicators.id, indicatorId)).for('update');
    if (!row || row.campaignId !== campaignId) throw notFound('指标');
    await tx.update(indicators).set({ retiredFrom }).where(eq(indicators.id, indicatorId));
    await recordAudit(tx, who, {
      action: retiredFrom ? 'indicator.retire' : 'indicator.restore',
      targetType: 'indicator',
      targetId: indicatorId,
      before: { retiredFrom: row.retiredFrom },
      after: { retiredFrom },
    });
    return { id: indicatorId, retiredFrom };
  });
}

/** The units an indicator is assigned to: named units plus every active unit of the named categories. */
export function assignedUnitIds(
  assigns: { unitId: number | null; categoryId: number | null }[],
  units: { id: number; categoryId: number | null; active: boolean }[],
): Set<number> {
  const out = new Set<number>();
  for (const a of assigns) {
    if (a.unitId !== null) out.add(a.unitId);
    if (a.categoryId !== null) for (const u of units) if (u.active && u.categoryId === a.categoryId) out.add(u.id);
  }
  return out;
}
