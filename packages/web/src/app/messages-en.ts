import { commonMessagesEn } from '../i18n/common.en';
import { adminMessagesEn } from '../features/admin/messages.en';
import { arenaMessagesEn } from '../features/arena/messages.en';
import { calendarMessagesEn } from '../features/calendar/messages.en';
import { dispatchMessagesEn } from '../features/dispatch/messages.en';
import { evaluationMessagesEn } from '../features/evaluation/messages.en';
import { ledgerMessagesEn } from '../features/ledger/messages.en';
import { notificationsMessagesEn } from '../features/notifications/messages.en';
import { deliveryMessagesEn } from '../features/delivery/messages.en';
import { ratingsMessagesEn } from '../features/ratings/messages.en';
import { projectsMessagesEn } from '../features/projects/messages.en';
import { visitsMessagesEn } from '../features/visits/messages.en';
import { cadresMessagesEn } from '../features/cadres/messages.en';
import { suggestionsMessagesEn } from '../features/suggestions/messages.en';
import { benchmarksMessagesEn } from '../features/benchmarks/messages.en';
import type { Translations } from './messages';

/** English, every namespace: loaded when a user chooses it (app/messages.ts `loadLanguage`). */
export const english: Translations = {
  common: commonMessagesEn,
  admin: adminMessagesEn,
  arena: arenaMessagesEn,
  calendar: calendarMessagesEn,
  dispatch: dispatchMessagesEn,
  evaluation: evaluationMessagesEn,
  ledger: ledgerMessagesEn,
  notifications: notificationsMessagesEn,
  delivery: deliveryMessagesEn,
  ratings: ratingsMessagesEn,
  projects: projectsMessagesEn,
  visits: visitsMessagesEn,
  cadres: cadresMessagesEn,
  suggestions: suggestionsMessagesEn,
  benchmarks: benchmarksMessagesEn,
};
