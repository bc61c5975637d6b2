import type { IsoDate } from '../calendar/index.js';

/**
 * 待办 (the home page's to-do list): each module contributes groups of things the signed-in person should
 * do next; this file decides, once, how a group is summarised (count, top entries), how urgent it is and in
 * which order the groups stand. Modules give every entry they found; nothing here reads a database.
 */

/** How urgent a group is: something overdue, something waiting on the person, or a plain reminder. */
export const TODO_SEVERITIES = ['urgent', 'waiting', 'info'] as const;
export type TodoSeverity = (typeof TODO_SEVERITIES)[number];

export const TODO_SEVERITY_LABELS: Record<TodoSeverity, string> = {
  urgent: '紧急',
  waiting: '待处理',
  info: '提醒',
};

/** One thing to do: a report, an item, an arena… with where to open it. */
export interface TodoEntry {
  title: string;
  unitName: string | null;
  due: IsoDate | null;
  /** Days past `due` (0 when not overdue or without a due date). */
  daysOverdue: number;
  /** The web route that opens this one entry. */
  link: string;
}

/** What a module contributes: every entry of one kind, the page that lists exactly them, and its label. */
export interface TodoSource {
  kind: string;
  label: string;
  /** The web route (with the target page's filters in its query) whose list holds exactly `entries`. */
  link: string;
  entries: TodoEntry[];
  /** A kind that is urgent even when nothing is past a date (a red warning, a late report). */
  alwaysUrgent?: boolean;
}

/** A group as the home page shows it. */
export interface TodoGroup {
  kind: string;
  label: string;
  count: number;
  link: string;
  severity: TodoSeverity;
  entries: TodoEntry[];
}

/** How many entries a group shows on the home page. */
export const TODO_TOP = 3;

/** Most overdue first, then the nearest due date, then undated ones, then by title (a stable order). */
export function byTodoUrgency(a: TodoEntry, b: TodoEntry): number {
  return (
    b.daysOverdue - a.daysOverdue ||
    (a.due ?? '9999-12-31').localeCompare(b.due ?? '9999-12-31') ||
    a.title.localeCompare(b.title) ||
    a.link.localeCompare(b.link)
  );
}

/** Overdue entries (or an always-urgent kind) make a group urgent; anything else waits on the person. */
export function todoSeverity(source: Pick<TodoSource, 'entries' | 'alwaysUrgent'>): TodoSeverity {
  if (source.entries.length === 0) return 'info';
  if (source.alwaysUrgent || source.entries.some((e) => e.daysOverdue > 0)) return 'urgent';
  return 'waiting';
}

const RANK: Record<TodoSeverity, number> = { urgent: 0, waiting: 1, info: 2 };

/**
 * The home page's groups: empty sources dropped, each summarised (count = every entry, the `top` most urgent
 * shown), urgent groups first, then the larger count, then the kind (so the order never depends on which
 * module answered first).
 */
export function composeTodos(sources: readonly TodoSource[], top = TODO_TOP): TodoGroup[] {
  return sources
    .filter((s) => s.entries.length > 0)
    .map((s) => ({
      kind: s.kind,
      label: s.label,
      count: s.entries.length,
      link: s.link,
      severity: todoSeverity(s),
      entries: [...s.entries].sort(byTodoUrgency).slice(0, top),
    }))
    .sort((a, b) => RANK[a.severity] - RANK[b.severity] || b.count - a.count || a.kind.localeCompare(b.kind));
}

/** Days from `due` to `today` when past it, else 0 (calendar days, as the ledger counts them). */
export function daysPast(due: IsoDate, today: IsoDate): number {
  const d = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / 86_400_000;
  return d > 0 ? Math.round(d) : 0;
}
