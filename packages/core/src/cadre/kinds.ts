/**
 * 擂台类型 (issue 17): the arenas districts hold, each with the criteria its office usually starts from and
 * who stands on stage. Templates are data: the office edits the criteria and maxima when it sets an arena up;
 * nothing downstream reads the kind to score.
 */
export const ARENA_KINDS = ['leader', 'secretary', 'middle', 'main_force'] as const;
export type ArenaKind = (typeof ARENA_KINDS)[number];

/**
 * Who a contestant is: a unit, presented by one of its cadres (陈述人), or a person (a community secretary, a
 * middle-level cadre) standing for the unit they work in.
 */
export type ContestantKind = 'unit' | 'person';

export interface ArenaKindTemplate {
  kind: ArenaKind;
  label: string;
  contestants: ContestantKind;
  criteria: readonly { readonly id: string; readonly max: number }[];
}

/** The four kinds the seeds name (西海岸: 主力军擂台, 一把手擂台, 中层干部擂台; 书记擂台 every month). */
export const ARENA_KIND_TEMPLATES: Readonly<Record<ArenaKind, ArenaKindTemplate>> = {
  leader: {
    kind: 'leader',
    label: '一把手擂台',
    contestants: 'unit',
    criteria: [
      { id: '实绩', max: 40 },
      { id: '举措', max: 30 },
      { id: '表现', max: 20 },
      { id: '作风', max: 10 },
    ],
  },
  secretary: {
    kind: 'secretary',
    label: '书记擂台',
    contestants: 'person',
    criteria: [
      { id: '抓党建', max: 30 },
      { id: '促发展', max: 30 },
      { id: '惠民生', max: 25 },
      { id: '现场表现', max: 15 },
    ],
  },
  middle: {
    kind: 'middle',
    label: '中层干部擂台',
    contestants: 'person',
    criteria: [
      { id: '岗位实绩', max: 40 },
      { id: '创新举措', max: 25 },
      { id: '能力素质', max: 20 },
      { id: '现场表现', max: 15 },
    ],
  },
  main_force: {
    kind: 'main_force',
    label: '主力军擂台',
    contestants: 'unit',
    criteria: [
      { id: '项目推进', max: 40 },
      { id: '攻坚成效', max: 30 },
      { id: '思路举措', max: 20 },
      { id: '现场表现', max: 10 },
    ],
  },
};

export const arenaKindLabel = (kind: ArenaKind | null): string =>
  kind === null ? '擂台赛' : ARENA_KIND_TEMPLATES[kind].label;

/**
 * The problem with an arena's contestants, or null. A person stands once per arena; a unit competes once
 * (several people of one unit may stand, as at a 中层干部擂台); a person contestant must be a cadre.
 */
export function contestantsProblem(
  contestants: readonly { kind: ContestantKind; unitId: number; cadreId: number | null }[],
): string | null {
  const units = new Set<number>();
  const people = new Set<number>();
  for (const [i, c] of contestants.entries()) {
    if (c.kind === 'person' && c.cadreId === null) return `第 ${i + 1} 位选手是个人，须从干部名册中选择`;
    if (c.kind === 'unit') {
      if (units.has(c.unitId)) return '同一单位不能重复作为选手';
      units.add(c.unitId);
    }
    if (c.cadreId !== null) {
      if (people.has(c.cadreId)) return '同一名干部不能重复上台';
      people.add(c.cadreId);
    }
  }
  return null;
}
