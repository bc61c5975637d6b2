import { dayNumber, type IsoDate } from '../calendar/index.js';

/** 亮灯: green on track, yellow when the deadline is near, red when overdue; closed items are grey. */
export type LedgerColour = 'green' | 'yellow' | 'red' | 'closed';

export const LEDGER_COLOUR_LABELS: Record<LedgerColour, string> = {
  green: '正常',
  yellow: '临期',
  red: '逾期',
  closed: '已销号',
};

/** The lights in the order lists and filters show them. */
export const LEDGER_COLOURS: readonly LedgerColour[] = ['green', 'yellow', 'red', 'closed'];

/** How grave a colour is: closed < green < yellow < red (the worst step colours its item; urgency sorts by it). */
export const LEDGER_COLOUR_SEVERITY: Record<LedgerColour, number> = { closed: 0, green: 1, yellow: 2, red: 3 };

/** Most urgent first: red, yellow, green, then closed (the severity order, gravest first). */
export const byColourUrgency = (a: LedgerColour, b: LedgerColour): number =>
  LEDGER_COLOUR_SEVERITY[b] - LEDGER_COLOUR_SEVERITY[a];

/** Days before a deadline at which an open item turns yellow (configurable per deployment). */
export const DEFAULT_YELLOW_DAYS = 3;

export interface DeadlineStatus {
  colour: LedgerColour;
  /** Calendar days until the deadline (negative when past); null once closed. */
  daysLeft: number | null;
  /** Calendar days past the deadline: while open, as of today; once closed, how late it closed. */
  daysOverdue: number;
}

/** A close-out (or a step done) counts only from its day on: seen on an earlier day, the item was still open. */
const closedBy = (closedOn: IsoDate | null | undefined, today: IsoDate): IsoDate | null =>
  closedOn && dayNumber(closedOn, 'closedOn') <= dayNumber(today, 'today') ? closedOn : null;

/**
 * One deadline's colour on `today` (Asia/Shanghai date), which may be a past day (a bulletin as of a
 * period's end). Overdue counts calendar days, as bulletins do ("逾期 12 天"); the deadline day itself
 * is not overdue.
 */
export function deadlineStatus(input: {
  deadline: IsoDate;
  today: IsoDate;
  closedOn?: IsoDate | null;
  yellowDays?: number;
}): DeadlineStatus {
  const deadline = dayNumber(input.deadline, 'deadline');
  const closedOn = closedBy(input.closedOn, input.today);
  if (closedOn) {
    return { colour: 'closed', daysLeft: null, daysOverdue: Math.max(0, dayNumber(closedOn, 'closedOn') - deadline) };
  }
  const daysLeft = deadline - dayNumber(input.today, 'today');
  const yellowDays = input.yellowDays ?? DEFAULT_YELLOW_DAYS;
  const colour: LedgerColour = daysLeft < 0 ? 'red' : daysLeft <= yellowDays ? 'yellow' : 'green';
  return { colour, daysLeft, daysOverdue: Math.max(0, -daysLeft) };
}

export interface ItemStatus extends DeadlineStatus {
  /** The step (index) whose deadline gives the colour, or null when the item's own deadline does. */
  drivenByStep: number | null;
  steps: DeadlineStatus[];
}

/**
 * An item's colour is the worst of its own deadline and its unfinished steps' deadlines: a step
 * overdue turns the whole item red even when the final deadline is far.
 */
export function itemStatus(input: {
  deadline: IsoDate;
  today: IsoDate;
  closedOn?: IsoDate | null;
  yellowDays?: number;
  steps?: readonly { deadline: IsoDate; doneOn?: IsoDate | null }[];
}): ItemStatus {
  const own = deadlineStatus(input);
  const steps = (input.steps ?? []).map((s) =>
    deadlineStatus({
      deadline: s.deadline,
      today: input.today,
      closedOn: s.doneOn ?? input.closedOn ?? null,
      yellowDays: input.yellowDays ?? DEFAULT_YELLOW_DAYS,
    }),
  );
  let worst: DeadlineStatus = own;
  let drivenByStep: number | null = null;
  if (!closedBy(input.closedOn, input.today)) {
    steps.forEach((s, i) => {
      if (
        LEDGER_COLOUR_SEVERITY[s.colour] > LEDGER_COLOUR_SEVERITY[worst.colour] ||
        (s.colour === worst.colour && s.daysOverdue > worst.daysOverdue)
      ) {
        worst = s;
        drivenByStep = i;
      }
    });
  }
  return { ...own, colour: worst.colour, daysOverdue: worst.daysOverdue, drivenByStep, steps };
}

/** The day the colour changes next is what the daily job looks for; this says whether a move is an escalation. */
export const isEscalation = (from: LedgerColour | null, to: LedgerColour): boolean =>
  LEDGER_COLOUR_SEVERITY[to] > LEDGER_COLOUR_SEVERITY[from ?? 'green'] && to !== 'closed';
