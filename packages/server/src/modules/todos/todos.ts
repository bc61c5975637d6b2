import { composeTodos, type Actor, type IsoDate, type TodoGroup } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { todoProviders, type TodoProvider } from './providers.js';

/** GET /api/todos: the person's to-do groups, most urgent first (core's composeTodos). */
export async function todosOf(
  db: Db,
  actor: Actor,
  today: IsoDate,
  providers: readonly TodoProvider[] = todoProviders,
): Promise<{ today: IsoDate; groups: TodoGroup[] }> {
  // One after another: each reads a campaign-year or the ledger, and the pool is small (2 cores).
  const sources = [];
  for (const p of providers) sources.push(...(await p(db, actor, today)));
  return { today, groups: composeTodos(sources) };
}
