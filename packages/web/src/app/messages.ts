import type { Resource } from 'i18next';
import { commonMessages } from '../i18n/common';
import { adminMessages } from '../features/admin/messages';
import { arenaMessages } from '../features/arena/messages';
import { calendarMessages } from '../features/calendar/messages';
import { dispatchMessages } from '../features/dispatch/messages';
import { evaluationMessages } from '../features/evaluation/messages';
import { ledgerMessages } from '../features/ledger/messages';
import { notificationsMessages } from '../features/notifications/messages';
import { ratingsMessages } from '../features/ratings/messages';
import { projectsMessages } from '../features/projects/messages';

/**
 * Every message namespace of the web app, one line each: the shell's, then one per feature
 * (`features/<f>/messages.ts`), as `features.ts` lists the features. 简体中文 is the source of truth
 * and gives the types; a feature's component calls `useTranslation('<namespace>')`.
 */
export const catalogues = {
  common: commonMessages,
  admin: adminMessages,
  arena: arenaMessages,
  calendar: calendarMessages,
  dispatch: dispatchMessages,
  evaluation: evaluationMessages,
  ledger: ledgerMessages,
  notifications: notificationsMessages,
  ratings: ratingsMessages,
  projects: projectsMessages,
};

export type Namespace = keyof typeof catalogues;
export const NAMESPACES = Object.keys(catalogues) as Namespace[];

/** i18next's resources: language → namespace → messages. */
export const resources: Resource = {
  'zh-CN': Object.fromEntries(NAMESPACES.map((ns) => [ns, catalogues[ns]['zh-CN']])),
  en: Object.fromEntries(NAMESPACES.map((ns) => [ns, catalogues[ns].en])),
};

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: { [N in Namespace]: (typeof catalogues)[N]['zh-CN'] };
    // A message with {{name}} cannot be called without `name`.
    strictInterpolationChecks: true;
  }
}
