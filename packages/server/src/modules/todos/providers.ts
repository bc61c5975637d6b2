import type { Actor, IsoDate, TodoSource } from '@leitai/core';
import type { Db } from '../../db/client.js';
import * as arena from '../arena/index.js';
import * as dispatch from '../dispatch/index.js';
import * as ledger from '../ledger/index.js';
import * as supervision from '../supervision/index.js';

/** What a module contributes to the home page: every to-do of its kinds for this person, scoped as its own lists are. */
export type TodoProvider = (db: Db, actor: Actor, today: IsoDate) => Promise<TodoSource[]>;

/** Every module's to-dos, one line each, from its face. */
export const todoProviders: TodoProvider[] = [
  dispatch.dispatchTodos,
  ledger.ledgerTodos,
  arena.arenaTodos,
  supervision.supervisionTodos,
];
