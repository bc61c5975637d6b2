import { LEDGER_PRIORITIES, LEDGER_PRIORITY_LABELS, LEDGER_SOURCES, reverseSchedule, type IsoDate } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { asAppError } from './access.js';
import { allUnits, leaders } from './repository.js';
import { loadCalendar } from './settings.js';

/** What the ledger's forms pick from: sources, priorities, active units, leaders, and today. */
export async function ledgerMeta(db: Db, today: IsoDate) {
  const [units, leaderRows] = await Promise.all([allUnits(db), leaders(db)]);
  return {
    sources: LEDGER_SOURCES,
    priorities: LEDGER_PRIORITIES.map((p) => ({ value: p, label: LEDGER_PRIORITY_LABELS[p] })),
    units: units.filter((u) => u.active).map((u) => ({ id: u.id, name: u.name, code: u.code })),
    leaders: leaderRows.map((l) => ({ id: l.id, name: l.name })),
    today,
  };
}

/** 倒排工期: steps' deadlines counted back from the final deadline on the working-day calendar. */
export async function scheduleSteps(
  db: Db,
  input: { finalDeadline: IsoDate; steps: { title: string; workingDays: number }[] },
  today: IsoDate,
) {
  try {
    return { steps: reverseSchedule(await loadCalendar(db), { ...input, today }) };
  } catch (e) {
    throw asAppError(e);
  }
}
