// The parse worker's entry under tsx: on Node 20 a worker does not inherit the TypeScript loader, so this
// plain module registers it and imports the worker itself.
import { tsImport } from 'tsx/esm/api';

await tsImport('./parse-worker.ts', import.meta.url);
