/** The units module's face: what other modules may call. Everything else in this folder is private. */
import { defineTarget } from '../../http/access.js';
import { pathOf } from './repository.js';

declare module '../../http/access.js' {
  interface TargetKinds {
    unit: number;
  }
}

/** A unit as an access target: its own path; hidden (404) from who may not read units there. */
export const unitTarget = defineTarget({
  kind: 'unit',
  noun: '单位',
  visibleWith: ['unit.read'],
  resolve: async (db, id) => {
    const path = await pathOf(db, id);
    return path === null ? null : { parties: { unit: [path] } };
  },
});

export const accessTargets = [unitTarget];
