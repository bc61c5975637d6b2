/**
 * Query keys more than one feature refreshes. A feature's own keys live in its `api/` files; these
 * belong to no feature's private API because another feature's action changes them (a ledger action
 * sends notices, so it refreshes the bell).
 */
export const sharedKeys = {
  /** The signed-in user (app/session). */
  me: ['me'] as const,
  /** The header's notice list (features/notifications). */
  notifications: ['notifications'] as const,
  /** The home page's to-dos (pages/todo-list): any feature's action may add or settle one. */
  todos: ['todos'] as const,
};
