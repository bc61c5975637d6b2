import type { Actor, IsoDate } from '@leitai/core';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { AppError } from '../../errors.js';
import type { AuditActor } from '../audit/index.js';

/**
 * A part of the monthly report another module owns (the projects' month: 最多报一次, one form, one
 * deadline, one review). Dispatch knows sections only by this face and never imports their modules;
 * modules/index.ts lists them and the app registers them at start.
 */
export interface ReportSection<T = unknown> {
  key: string;
  /** Validates what the form sends for the section; its messages reach the reporter. */
  schema: z.ZodType<T>;
  /** The section's part of the form, or null when the unit has nothing in it. */
  load(db: Db, ctx: { unitId: number; period: string; today: IsoDate }): Promise<unknown>;
  /** Saves the section inside the report's save transaction; throws (nothing written) on bad input. */
  save(tx: Db, ctx: SectionContext, input: T): Promise<void>;
  /** What must be filled before the report may be submitted, one sentence each. */
  submitProblems(tx: Db, ctx: { unitId: number; period: string }): Promise<string[]>;
  /** Figures this section derives for indicators that name them (core DERIVED_FIGURES), as decimal text. */
  derive?(db: Db, ctx: { unitId: number; period: string }): Promise<Record<string, string>>;
}

export interface SectionContext {
  actor: Actor;
  who: AuditActor;
  unitId: number;
  period: string;
  today: IsoDate;
}

let sections: readonly ReportSection[] = [];

/** Called once at start with every module's sections (modules/index.ts). */
export function registerReportSections(list: readonly ReportSection[]): void {
  sections = list;
}

/** Every section's part of a unit's form, by key (sections with nothing for the unit are left out). */
export async function loadSections(db: Db, ctx: { unitId: number; period: string; today: IsoDate }) {
  const out: Record<string, unknown> = {};
  for (const s of sections) {
    const part = await s.load(db, ctx);
    if (part !== null) out[s.key] = part;
  }
  return out;
}

/** Parses and saves each section the form carries, in the caller's transaction. */
export async function saveSections(tx: Db, ctx: SectionContext, raw: Record<string, unknown>): Promise<void> {
  const unknown = Object.keys(raw).filter((k) => !sections.some((s) => s.key === k));
  if (unknown.length > 0) throw new AppError('VALIDATION_FAILED', `报表没有“${unknown.join('、')}”部分`);
  for (const s of sections) {
    if (!(s.key in raw)) continue;
    const parsed = s.schema.safeParse(raw[s.key]);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: [s.key, ...i.path].join('.'), message: i.message }));
      throw new AppError('VALIDATION_FAILED', issues.map((i) => i.message).join('；'), { issues });
    }
    await s.save(tx, ctx, parsed.data);
  }
}

/** Every derived figure the sections give for a unit's month, by key. */
export async function deriveFigures(db: Db, ctx: { unitId: number; period: string }): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const s of sections) if (s.derive) Object.assign(out, await s.derive(db, ctx));
  return out;
}

/** Refuses a submission while a section is incomplete, naming every gap. */
export async function checkSectionsComplete(tx: Db, ctx: { unitId: number; period: string }): Promise<void> {
  const problems = (await Promise.all(sections.map((s) => s.submitProblems(tx, ctx)))).flat();
  if (problems.length > 0)
    throw new AppError('VALIDATION_FAILED', `报表尚未填完，不能报送：${problems.join('；')}`, {
      errors: problems.map((message) => ({ field: 'sections', message })),
    });
}
