/**
 * The records module's face (干部实绩档案): a cadre's record, composed from the faces of cadres, arena, ledger
 * and evaluation. It owns no table: it reads, and logs every reading.
 */
import { defineTarget } from '../../http/access.js';
import * as cadres from '../cadres/index.js';

export { recordsRoutes } from './routes.js';

declare module '../../http/access.js' {
  interface TargetKinds {
    cadre_record: number;
  }
}

/**
 * A cadre's record as an access target: the cadre's unit for the organisation department, and the person
 * themself as its owner. Every refusal is a 404: whether a person has a record is itself personal.
 */
export const cadreRecordTarget = defineTarget({
  kind: 'cadre_record',
  noun: '干部实绩档案',
  visibleWith: ['cadre.record'],
  hideRefusals: true,
  resolve: async (db, id) => {
    const c = await cadres.byId(db, id);
    return c ? { parties: { unit: [c.unitPath] }, owners: c.userId === null ? [] : [c.userId] } : null;
  },
});

export const accessTargets = [cadreRecordTarget];
