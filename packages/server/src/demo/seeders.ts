import type { DemoSeeder } from './index.js';
import { districtSeeder } from './district.js';
import { calendarSeeder } from './calendar.js';
import { arenaSeeder } from './arena.js';
import { ledgerSeeder } from './ledger.js';
import { dispatchSeeder } from './dispatch.js';
import { ratingsSeeder } from './ratings.js';
import { evaluationSeeder } from './evaluation.js';
import { projectsSeeder } from './projects.js';
import { visitsSeeder } from './visits.js';
import { suggestionsSeeder } from './suggestions.js';
import { benchmarksSeeder } from './benchmarks.js';
import { levelsSeeder } from './levels.js';
import { cadresSeeder } from './cadres.js';

/** Every feature's demo data, in order: the district first, then one line per feature (arenas and evaluations join the dispatch's campaign). */
export const demoSeeders: DemoSeeder[] = [
  districtSeeder,
  calendarSeeder,
  dispatchSeeder,
  arenaSeeder,
  ledgerSeeder,
  ratingsSeeder,
  evaluationSeeder,
  projectsSeeder,
  visitsSeeder,
  suggestionsSeeder,
  benchmarksSeeder,
  // Last: the city above and the offices beside and below 城阳区, leaving every earlier record's id as it was.
  levelsSeeder,
  // The register needs every unit of both districts, and 流亭街道's finished 书记擂台 for a promise.
  cadresSeeder,
];
