import { itemStatus, type IsoDate } from '@leitai/core';
import type { Db } from '../../db/client.js';
import type { DailyJob } from '../../jobs/runner.js';
import { tellLeadUnit } from './notify.js';
import { listItems, markNotifiedColour, stepsOf } from './repository.js';
import { ledgerSettings } from './settings.js';

/**
 * 临期/逾期提醒: tells the lead unit and the leader when an open item (or one of its steps) turns
 * yellow or red. Each notice carries a key of item, colour and the deadline that caused it, so a
 * second run the same day — or a run after an extension is refused — tells nobody twice, while an
 * approved extension that later runs out is told again.
 */
export async function announceColours(tx: Db, day: IsoDate): Promise<string> {
  const { yellowDays } = await ledgerSettings(tx);
  const rows = await listItems(tx, { scope: { kind: 'all' }, openOnly: true });
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
    const deadline = step ? step.deadline : row.deadline;
    const what = step ? `节点“${step.title}”` : '事项';
    const body =
      s.colour === 'red'
        ? `${what}已逾期 ${s.daysOverdue} 天（期限 ${deadline}），请尽快办结`
        : `${what}将于 ${deadline} 到期（还剩 ${s.daysLeft ?? 0} 天）`;
    told += await tellLeadUnit(
      tx,
      row,
      `ledger.${s.colour}`,
      `${s.colour === 'red' ? '逾期' : '临期'}提醒：${row.title}`,
      body,
      `ledger:${row.id}:${s.colour}:${deadline}`,
    );
    if (row.notifiedColour !== s.colour) await markNotifiedColour(tx, row.id, s.colour);
  }
  return `${flagged} items yellow or red, ${told} new notices`;
}

/** The daily run on demand for the office, in its own transaction: notices carry keys, so nobody is told twice. */
export async function announceColoursNow(db: Db, day: IsoDate): Promise<string> {
  return db.transaction((tx) => announceColours(tx, day));
}

export const ledgerColourJob: DailyJob = { name: 'ledger.colours', atHour: 8, run: announceColours };
