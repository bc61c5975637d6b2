import {
  evaluateComposite,
  type CompositeCategoryResult,
  type CompositeInput,
  type CompositeUnitResult,
} from '../composite/index.js';
import { parseDecimal, toDecimal } from '../number/index.js';

/** A unit's published line: the composite result without its explanation (rebuilt from the inputs on demand). */
export type UnitLine = Omit<CompositeUnitResult, 'explanation'>;
export interface CategoryLines {
  categoryId: string;
  units: UnitLine[];
  honourList: string[];
  warningList: string[];
}

export function linesOf(results: readonly CompositeCategoryResult[]): CategoryLines[] {
  return results.map((c) => ({ ...c, units: c.units.map(({ explanation: _, ...line }) => line) }));
}

/** JSON with keys sorted at every level: the same value always gives the same text, so the same hash. */
export function canonicalJson(value: unknown): string {
  // One accumulator instead of an array and a join per level: a close hashes megabytes of inputs.
  let out = '';
  const write = (v: unknown): void => {
    if (v === null || typeof v !== 'object') {
      out += JSON.stringify(v) ?? 'null';
      return;
    }
    if (Array.isArray(v)) {
      out += '[';
      for (let i = 0; i < v.length; i += 1) {
        if (i > 0) out += ',';
        write(v[i]);
      }
      out += ']';
      return;
    }
    const o = v as Record<string, unknown>;
    // Default sort: by UTF-16 code units, as the comparison `a < b`.
    const keys = Object.keys(o).sort();
    out += '{';
    let first = true;
    for (const k of keys) {
      const x = o[k];
      if (x === undefined) continue;
      out += first ? JSON.stringify(k) : `,${JSON.stringify(k)}`;
      out += ':';
      first = false;
      write(x);
    }
    out += '}';
  };
  write(value);
  return out;
}

export interface LineChange {
  unitId: string;
  categoryId: string;
  before: { totalShown: string; rank: number; grade: string } | null;
  after: { totalShown: string; rank: number; grade: string } | null;
  components: { componentId: string; before: string | null; after: string | null }[];
}

/** Why a line changed between versions: its own appeal, a component moved (e.g. the category's mean), or only its rank. */
export type ChangeReason = 'appeal' | 'component' | 'rank';
export const CHANGE_REASON_LABELS: Record<ChangeReason, string> = {
  appeal: '申诉更正',
  component: '分项得分随之变化（如本类平均分）',
  rank: '他人得分变化，名次随之变动',
};
export const changeReason = (c: LineChange, ownAppeals: number): ChangeReason =>
  ownAppeals > 0 ? 'appeal' : c.components.length > 0 ? 'component' : 'rank';

/** Who moved between two versions, by how much: units whose total, rank, grade or any component changed. */
export function versionDiff(before: readonly CategoryLines[], after: readonly CategoryLines[]): LineChange[] {
  const index = (cs: readonly CategoryLines[]) => new Map(cs.flatMap((c) => c.units.map((u) => [u.unitId, u])));
  const a = index(before);
  const b = index(after);
  const ids = [...new Set([...a.keys(), ...b.keys()])].sort();
  const out: LineChange[] = [];
  for (const id of ids) {
    const x = a.get(id);
    const y = b.get(id);
    const head = (u: UnitLine | undefined) => (u ? { totalShown: u.totalShown, rank: u.rank, grade: u.grade } : null);
    const comps = [...new Set([...(x?.components ?? []), ...(y?.components ?? [])].map((c) => c.componentId))]
      .map((componentId) => ({
        componentId,
        before: x?.components.find((c) => c.componentId === componentId)?.scoreShown ?? null,
        after: y?.components.find((c) => c.componentId === componentId)?.scoreShown ?? null,
      }))
      .filter((c) => c.before !== c.after);
    const moved = x?.total !== y?.total || x?.rank !== y?.rank || x?.grade !== y?.grade;
    if (moved || comps.length > 0)
      out.push({ unitId: id, categoryId: (y ?? x)!.categoryId, before: head(x), after: head(y), components: comps });
  }
  return out;
}

export interface RankBand {
  unitId: string;
  rank: number;
  best: number;
  worst: number;
}

/**
 * How stable each rank is: the ranks a unit takes when one component's weight moves ±10 % (the
 * category's total moving with it), or when every curve and rank table is replaced by "proportional to
 * the best". A band of one rank means no such small choice decides it. Category by category, since
 * each ranks on its own weights.
 */
export function rankBands(input: CompositeInput): RankBand[] {
  const out: RankBand[] = [];
  const cats = [...new Set(input.units.map((u) => u.categoryId))].sort();
  for (const cat of cats) {
    const ids = new Set(input.units.filter((u) => u.categoryId === cat).map((u) => u.id));
    const sub = {
      ...input,
      units: input.units.filter((u) => ids.has(u.id)),
      values: input.values.filter((v) => ids.has(v.unitId)),
      adjustments: (input.adjustments ?? []).filter((a) => ids.has(a.unitId)),
    };
    const s = input.scheme;
    const own = s.components.map((c) => ({ ...c, weights: { [cat]: c.weights[cat] ?? 0 } }));
    const weightOf = (c: (typeof own)[number]) => parseDecimal(c.weights[cat] ?? 0, 'weight');
    const total = own.reduce((a, c) => a + weightOf(c), 0);
    const variants: CompositeInput['scheme'][] = [];
    own.forEach((_, i) => {
      for (const factor of [11, 9]) {
        const w = weightOf(own[i]!);
        const scaled = Math.round((w * factor) / 10);
        variants.push({
          ...s,
          totalWeight: toDecimal(total - w + scaled),
          components: own.map((c, k) => (k === i ? { ...c, weights: { [cat]: toDecimal(scaled) } } : c)),
        });
      }
    });
    variants.push({
      ...s,
      components: own.map((c) =>
        c.method.kind === 'curve' || c.method.kind === 'rankTable' ? { ...c, method: { kind: 'proportional' } } : c,
      ),
    });
    const base = evaluateComposite({ ...sub, scheme: { ...s, components: own } }, { explain: false });
    const band = new Map<string, RankBand>();
    for (const u of base[0]?.units ?? [])
      band.set(u.unitId, { unitId: u.unitId, rank: u.rank, best: u.rank, worst: u.rank });
    for (const scheme of variants) {
      let results: CompositeCategoryResult[];
      try {
        results = evaluateComposite({ ...sub, scheme }, { explain: false });
      } catch {
        continue; // e.g. a rank table's first place above the lowered weight: not a choice the office has.
      }
      for (const u of results[0]?.units ?? []) {
        const b = band.get(u.unitId)!;
        b.best = Math.min(b.best, u.rank);
        b.worst = Math.max(b.worst, u.rank);
      }
    }
    out.push(...band.values());
  }
  return out;
}
