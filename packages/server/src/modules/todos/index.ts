/**
 * The to-dos module's face (工作台待办): composes what every module contributes through its own face
 * (providers.ts). A new kind of to-do is one function in its module and one line there.
 */
export { todosRoutes } from './routes.js';
export { todosOf } from './todos.js';
export type { TodoProvider } from './providers.js';
