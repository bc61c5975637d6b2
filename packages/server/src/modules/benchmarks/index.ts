/**
 * The benchmarks module's face (对标): what other modules, the app and the demo may call.
 * Everything else in this folder is private to it.
 */
export { benchmarkRoutes } from './routes.js';
// For the demo seeder, which writes the office's figures directly.
export { replaceFigures, setModel } from './repository.js';
