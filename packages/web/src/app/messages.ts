import type { Resource } from 'i18next';
import type { Messages } from '../i18n';
import { commonMessages } from '../i18n/common';
import { adminMessages } from '../features/admin/messages';
import { arenaMessages } from '../features/arena/messages';
import { calendarMessages } from '../features/calendar/messages';
import { dispatchMessages } from '../features/dispatch/messages';
import { evaluationMessages } from '../features/evaluation/messages';
import { ledgerMessages } from '../features/ledger/messages';
import { notificationsMessages } from '../features/notifications/messages';
import { deliveryMessages } from '../features/delivery/messages';
import { ratingsMessages } from '../features/ratings/messages';
import { projectsMessages } from '../features/projects/messages';
import { visitsMessages } from '../features/visits/messages';
import { cadresMessages } from '../features/cadres/messages';
import { suggestionsMessages } from '../features/suggestions/messages';
import { benchmarksMessages } from '../features/benchmarks/messages';

/**
 * Every message namespace of the web app, one line each: the shell's, then one per feature
 * (`features/<f>/messages.ts`), as `features.ts` lists the features. 简体中文 is the source of truth,
 * gives the types and is bundled; English (`messages.en.ts` beside each) arrives when it is chosen
 * (`messages-en.ts`). A feature's component calls `useTranslation('<namespace>')`.
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
  delivery: deliveryMessages,
  ratings: ratingsMessages,
  projects: projectsMessages,
  visits: visitsMessages,
  cadres: cadresMessages,
  suggestions: suggestionsMessages,
  benchmarks: benchmarksMessages,
};

export type Namespace = keyof typeof catalogues;
export const NAMESPACES = Object.keys(catalogues) as Namespace[];
/** A language's catalogues other than 简体中文: every namespace, each key of the Chinese one. */
export type Translations = { [N in Namespace]: Messages<(typeof catalogues)[N]> };

/** i18next's resources at start: 简体中文 only. */
export const resources: Resource = { 'zh-CN': catalogues };

/** The other languages' catalogues, each a chunk of its own. */
export const loadLanguage = (lng: string): Promise<Translations> | null =>
  lng === 'en' ? import('./messages-en').then((m) => m.english) : null;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: { [N in Namespace]: (typeof catalogues)[N] };
    // A message with {{name}} cannot be called without `name`.
    strictInterpolationChecks: true;
  }
}
