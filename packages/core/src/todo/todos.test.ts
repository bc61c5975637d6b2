import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { byTodoUrgency, composeTodos, daysPast, todoSeverity, type TodoEntry, type TodoSource } from './todos.js';

const entry = (title: string, due: string | null, daysOverdue = 0): TodoEntry => ({
  title,
  unitName: null,
  due,
  daysOverdue,
  link: `/x/${title}`,
});
const source = (kind: string, entries: TodoEntry[], alwaysUrgent = false): TodoSource => ({
  kind,
  label: kind,
  link: `/${kind}`,
  entries,
  alwaysUrgent,
});

describe('to-dos', () => {
  it('counts every entry, shows the three most urgent, drops empty groups', () => {
    const groups = composeTodos([
      source('review', [
        entry('a', '2026-03-10'),
        entry('b', '2026-03-01', 4),
        entry('c', null),
        entry('d', '2026-03-05'),
      ]),
      source('empty', []),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.count).toBe(4);
    expect(groups[0]!.entries.map((e) => e.title)).toEqual(['b', 'd', 'a']);
  });

  it('puts urgent groups first, then the larger count, then the kind', () => {
    const groups = composeTodos([
      source('z-many', [entry('a', null), entry('b', null), entry('c', null)]),
      source('y-late', [entry('a', '2026-01-01', 2)]),
      source('x-red', [entry('a', null)], true),
      source('w-one', [entry('a', null)]),
    ]);
    expect(groups.map((g) => [g.kind, g.severity])).toEqual([
      ['x-red', 'urgent'],
      ['y-late', 'urgent'],
      ['z-many', 'waiting'],
      ['w-one', 'waiting'],
    ]);
  });

  it('severity: overdue or an always-urgent kind is urgent; otherwise waiting', () => {
    expect(todoSeverity({ entries: [entry('a', '2026-01-01', 1)] })).toBe('urgent');
    expect(todoSeverity({ entries: [entry('a', null)], alwaysUrgent: true })).toBe('urgent');
    expect(todoSeverity({ entries: [entry('a', '2026-01-01')] })).toBe('waiting');
    expect(todoSeverity({ entries: [] })).toBe('info');
  });

  it('days past a due date', () => {
    expect(daysPast('2026-03-01', '2026-03-04')).toBe(3);
    expect(daysPast('2026-03-04', '2026-03-01')).toBe(0);
    expect(daysPast('2026-02-28', '2026-03-01')).toBe(1);
  });

  const arbEntry = fc.record({
    title: fc.string({ maxLength: 4 }),
    unitName: fc.constant(null),
    due: fc.option(fc.constantFrom('2026-01-01', '2026-02-01', '2026-03-01'), { nil: null }),
    daysOverdue: fc.nat(30),
    link: fc.string({ maxLength: 4 }),
  });
  const arbSources = fc.array(
    fc.record({
      kind: fc.string({ minLength: 1, maxLength: 3 }),
      label: fc.constant('x'),
      link: fc.constant('/x'),
      entries: fc.array(arbEntry, { maxLength: 8 }),
      alwaysUrgent: fc.boolean(),
    }),
    { maxLength: 6 },
  );

  it('invariants: counts are the entries given, shown entries are the most urgent, order is independent of input order', () => {
    fc.assert(
      fc.property(arbSources, (sources) => {
        const groups = composeTodos(sources);
        const nonEmpty = sources.filter((s) => s.entries.length > 0);
        expect(groups.reduce((n, g) => n + g.count, 0)).toBe(nonEmpty.reduce((n, s) => n + s.entries.length, 0));
        for (const g of groups) {
          expect(g.entries.length).toBe(Math.min(3, g.count));
          const s = nonEmpty.find((x) => x.kind === g.kind && x.entries.length === g.count)!;
          expect(g.entries).toEqual([...s.entries].sort(byTodoUrgency).slice(0, 3));
        }
        expect(composeTodos([...sources].reverse()).map((g) => [g.kind, g.count, g.severity])).toEqual(
          groups.map((g) => [g.kind, g.count, g.severity]),
        );
      }),
    );
  });
});
