/** The users module's face: what other modules may call. Everything else in this folder is private. */
import { defineTarget } from '../../http/access.js';
import { findUser } from './repository.js';

export {
  accountsByIds,
  accountsInScope,
  activeIdsByUsername,
  activeOfficials,
  displayNames,
  type Account,
} from './repository.js';

declare module '../../http/access.js' {
  interface TargetKinds {
    user: number;
  }
}

/** An account as an access target: its unit; hidden (404) from who may not read users there. */
export const userTarget = defineTarget({
  kind: 'user',
  noun: '用户',
  visibleWith: ['user.read'],
  resolve: async (db, id) => {
    const user = await findUser(db, id);
    return user ? { parties: { unit: [user.unitPath] } } : null;
  },
});

export const accessTargets = [userTarget];
