import type { Feature } from '../lib/feature';
import { arenaFeature } from '../features/arena';
import { ledgerFeature } from '../features/ledger';
import { calendarFeature } from '../features/calendar';
import { deliveryFeature } from '../features/delivery';
import { adminFeature } from '../features/admin';
import { dispatchFeature } from '../features/dispatch';
import { ratingsFeature } from '../features/ratings';
import { evaluationFeature } from '../features/evaluation';
import { projectsFeature } from '../features/projects';
import { visitsFeature } from '../features/visits';
import { cadresFeature } from '../features/cadres';
import { suggestionsFeature } from '../features/suggestions';
import { benchmarksFeature } from '../features/benchmarks';
import { setReportSections } from '../lib/report-sections';

/** Every feature of the web app, one line each. */
export const features: Feature[] = [
  arenaFeature,
  ledgerFeature,
  ratingsFeature,
  evaluationFeature,
  projectsFeature,
  visitsFeature,
  cadresFeature,
  suggestionsFeature,
  benchmarksFeature,
  calendarFeature,
  deliveryFeature,
  adminFeature,
  dispatchFeature,
];

setReportSections(features.flatMap((f) => f.reportSections ?? []));
