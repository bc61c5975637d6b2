/** The arena module's face: what other modules and the app may use. */
export { arenaRealtime } from './realtime.js';
