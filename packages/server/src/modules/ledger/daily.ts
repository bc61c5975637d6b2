import { itemStatus, type IsoDate } from '@leitai/core';
import type { Db } from '../../db/client.js';
import type { DailyJob } from '../../jobs/runner.js';
import { emit } from '../../events/emit.js';
import type { EventOf } from '../../events/types.js';
import { newNotices } from '../notifications/index.js';
import { itemFacts } from './facts.js';
import { ALL_ITEMS, listItems, markNotifiedColour, stepsOf } from './repository.js';
import { ledgerSettings } from './settings.js';

/**
 * 临期/逾期提醒: tells the lead unit and the leader when an open item (or one of its steps) turns
 * yellow or red (a `ledger.item.overdue` event, worded by the bell). Each notice carries a key of item,
 * colour and the deadline that caused it, so a
 * second run the same day — or a run after an extension is refused — tells nobody twice, while an
 * approved extension that later runs out is told again.
 */
export async function announceColours(tx: Db, day: IsoDate): Promise<string> {
  const { yellowDays } = await ledgerSettings(tx);
  const rows = await listItems(tx, { scope: ALL_ITEMS, openOnly: true });
  const steps = await stepsOf(
    tx,
    rows.map((r) => r.id),
  );
  let told = 0;
  let flagged = 0;
  for (const row of rows) {
    const st = steps.get(row.id) ?? [];
    const s = itemStatus({
      deadline: row.deadline,
      today: day,
      yellowDays,
      steps: st.map((x) => ({ deadline: x.deadline, doneOn: x.doneOn })),
    });
    if (s.colour !== 'yellow' && s.colour !== 'red') continue;
    flagged += 1;
    const step = s.drivenByStep === null ? null : st[s.drivenByStep]!;
    const event: EventOf<'ledger.item.overdue'> = {
      type: 'ledger.item.overdue',
      colour: s.colour,
      deadline: step ? step.deadline : row.deadline,
      step: step ? step.title : null,
      daysOverdue: s.daysOverdue,
      daysLeft: s.daysLeft ?? 0,
      ...itemFacts(row),
    };
    // Told already (same colour and deadline): no event, nobody told twice.
    const fresh = await newNotices(tx, event);
    if (fresh > 0) {
      await emit(tx, event);
      told += fresh;
    }
    if (row.notifiedColour !== s.colour) await markNotifiedColour(tx, row.id, s.colour);
  }
  return `${flagged} items yellow or red, ${told} new notices`;
}

/** The daily run on demand for the office, in its own transaction: notices carry keys, so nobody is told twice. */
export async function announceColoursNow(db: Db, day: IsoDate): Promise<string> {
  return db.transaction((tx) => announceColours(tx, day));
}

export const ledgerColourJob: DailyJob = { name: 'ledger.colours', atHour: 8, run: announceColours };
