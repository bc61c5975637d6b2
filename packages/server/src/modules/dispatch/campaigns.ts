import { can, paceProfile, parseDecimal, parseWarningRule, ScoringInputError, type Actor } from '@leitai/core';
import { actorOffice, checkAccess } from '../../http/access.js';
import * as units from '../units/index.js';
import { campaignRecords } from './records.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import {
  assignmentsOf,
  campaignIndicators,
  campaignNamesOf,
  getCampaign,
  insertCampaign,
  insertIndicator,
  listCampaigns,
  lockIndicator,
  replaceAssignments,
  updateIndicator,
  yearPeriods,
  type IndicatorRow,
} from './repo.js';
import type { IndicatorEdit, NewCampaign, NewIndicator } from './schema.js';

/** Creates a campaign; with `copyFromId`, last year's indicator list and its assignments come along (targets do not: they are set anew). */
/** The new campaign belongs to the actor's office; it may copy a campaign the actor reads. */
export async function createCampaign(db: Db, actor: Actor, who: AuditActor, input: NewCampaign) {
  const office = actorOffice(actor);
  return db.transaction(async (tx) => {
    const source = input.copyFromId === undefined ? undefined : await getCampaign(tx, input.copyFromId);
    if (input.copyFromId !== undefined && !source) throw notFound('被复制的活动');
    if (input.copyFromId !== undefined)
      await checkAccess(tx, actor, 'target.read', { kind: 'campaign', id: input.copyFromId });
    const row = await insertCampaign(tx, {
      officeUnitId: office.unitId,
      name: input.name,
      startYear: input.startYear,
      endYear: input.endYear,
      phases: input.phases,
      cadence: input.cadence,
      copiedFromId: source?.id ?? null,
    });
    let copied = 0;
    if (source) {
      const inds = await campaignIndicators(tx, source.id);
      const assigns = await assignmentsOf(
        tx,
        inds.map((i) => i.id),
      );
      for (const ind of inds.filter((i) => i.retiredFrom === null)) {
        const { id: _old, campaignId: _c, ...rest } = ind;
        const copy = await insertIndicator(tx, { ...rest, campaignId: row.id });
        const mine = assigns
          .filter((a) => a.indicatorId === ind.id)
          .map((a) => ({ unitId: a.unitId, categoryId: a.categoryId }));
        await replaceAssignments(tx, copy.id, mine, false);
        copied += 1;
      }
    }
    await recordAudit(tx, who, {
      action: 'campaign.create',
      targetType: 'campaign',
      targetId: row.id,
      after: { ...input, copiedIndicators: copied },
    });
    return { id: row.id, copiedIndicators: copied };
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
    const row = await insertIndicator(tx, {
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
      derivedFrom: input.derivedFrom,
      sortOrder: existing.length + 1,
    });
    await assign(tx, row.id, input, false);
    await recordAudit(tx, who, {
      action: 'indicator.create',
      targetType: 'indicator',
      targetId: row.id,
      after: input,
    });
    return row;
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
    const row = await lockIndicator(tx, indicatorId);
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
    await updateIndicator(tx, indicatorId, {
      name: input.name,
      measure: input.measure,
      lowerIsBetter: input.lowerIsBetter,
      profile: input.profile,
      rule: input.rule,
      weight: input.weight,
      derivedFrom: input.derivedFrom,
    });
    await assign(tx, indicatorId, input, true);
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
async function assign(
  tx: Db,
  indicatorId: number,
  to: { unitIds: number[]; categoryIds: number[] },
  replace: boolean,
): Promise<void> {
  await replaceAssignments(
    tx,
    indicatorId,
    [
      ...to.unitIds.map((unitId) => ({ unitId, categoryId: null })),
      ...to.categoryIds.map((categoryId) => ({ unitId: null, categoryId })),
    ],
    replace,
  );
}

const pickSettings = (r: IndicatorRow) => ({
  name: r.name,
  measure: r.measure,
  lowerIsBetter: r.lowerIsBetter,
  profile: r.profile,
  rule: r.rule,
  weight: r.weight,
  derivedFrom: r.derivedFrom,
});

/** Retires an indicator from a month on (or brings it back with null): earlier months keep their figures and colours. */
export async function retireIndicator(
  db: Db,
  who: AuditActor,
  campaignId: number,
  indicatorId: number,
  retiredFrom: string | null,
) {
  return db.transaction(async (tx) => {
    const row = await lockIndicator(tx, indicatorId);
    if (!row || row.campaignId !== campaignId) throw notFound('指标');
    await updateIndicator(tx, indicatorId, { retiredFrom });
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

/** The campaigns, for the dispatch pages' picker; `today` and the actor's unit so the page opens on the right month. */
/**
 * The campaigns the actor reads: an office's own and those of the offices below; a unit's, those that set
 * it targets (core's `can` on each campaign as an office record).
 */
export async function campaignList(db: Db, actor: Actor, today: string) {
  const records = await campaignRecords(db);
  const rows = (await listCampaigns(db)).filter((c) => {
    const record = records.get(c.id);
    return record !== undefined && can(actor, 'target.read', record);
  });
  const offices = await units.byIds(
    db,
    rows.map((c) => c.officeUnitId),
  );
  return {
    today,
    unitId: actor.unitId,
    campaigns: rows.map((c) => ({
      id: c.id,
      office: { id: c.officeUnitId, name: offices.get(c.officeUnitId)?.name ?? '' },
      manageable: can(actor, 'campaign.manage', records.get(c.id)!),
      name: c.name,
      startYear: c.startYear,
      endYear: c.endYear,
      phases: c.phases,
      cadence: c.cadence,
      copiedFromId: c.copiedFromId,
    })),
  };
}

/** A campaign with its indicators (and who carries each) and the year's reporting months. */
export async function campaignDetail(db: Db, id: number, year: number) {
  const campaign = await getCampaign(db, id);
  if (!campaign) throw notFound('活动');
  const inds = await campaignIndicators(db, campaign.id);
  const assigns = await assignmentsOf(
    db,
    inds.map((i) => i.id),
  );
  return {
    campaign: {
      id: campaign.id,
      name: campaign.name,
      startYear: campaign.startYear,
      endYear: campaign.endYear,
      phases: campaign.phases,
      cadence: campaign.cadence,
    },
    indicators: inds.map((i) => ({
      ...i,
      assignments: assigns
        .filter((a) => a.indicatorId === i.id)
        .map((a) => ({ unitId: a.unitId, categoryId: a.categoryId })),
    })),
    periods: (await yearPeriods(db, campaign.id, year)).map((p) => ({
      period: p.period,
      deadline: p.deadline,
      open: p.open,
      reopenCount: p.reopenCount,
    })),
  };
}

/** Campaign names by id, for other modules (an arena names its campaign); unknown ids are absent. */
export const campaignNames = (db: Db, ids: Iterable<number>): Promise<Map<number, string>> => campaignNamesOf(db, ids);
