import { can, type Actor } from '../access/index.js';
import type { IsoDate } from '../calendar/index.js';
import { rateOutcome, type RateOutcome } from '../ledger/index.js';
import { ratio, ONE, shownPercent } from '../number/index.js';

/** A cadre as the access rule sees them: where they serve, and their own account if they have one. */
export interface CadreSubject {
  unitPath: string;
  userId: number | null;
}

/**
 * Who may open a cadre's record (干部实绩档案): the organisation department whose subtree holds the cadre's
 * unit, and the person themself (PIPL: a person sees what is kept about them). Nobody else, organisers
 * included: the record decides careers, not campaigns.
 */
export function mayReadCadreRecord(actor: Actor, cadre: CadreSubject): boolean {
  return (cadre.userId !== null && cadre.userId === actor.userId) || can(actor, 'cadre.record', cadre.unitPath);
}

export interface LeaderOnTime {
  /** Items whose deadline has passed (or that closed): the ones that count. */
  due: number;
  onTime: number;
  late: number;
  overdue: number;
  notDue: number;
  /** 按期办结率, "66.7%"; null when nothing was due yet. */
  rateShown: string | null;
}

/**
 * A responsible leader's on-time rate over the items they lead, seen on `asOf`: the same outcome rule as the
 * units' close-out rate (ledger/rate.ts), so the record and the bulletins never disagree on one item.
 */
export function leaderOnTime(
  items: readonly { deadline: IsoDate; closedOn: IsoDate | null }[],
  asOf: IsoDate,
): LeaderOnTime {
  const n: Record<RateOutcome, number> = { on_time: 0, late: 0, overdue: 0, not_due: 0 };
  for (const i of items) n[rateOutcome(i, asOf)] += 1;
  const due = n.on_time + n.late + n.overdue;
  return {
    due,
    onTime: n.on_time,
    late: n.late,
    overdue: n.overdue,
    notDue: n.not_due,
    rateShown: due === 0 ? null : shownPercent(ratio(n.on_time * ONE, due)),
  };
}

/**
 * 容错免责 decisions recorded on a cadre (三个区分开来): what was decided for a fault in the course of work. The
 * decision itself is made elsewhere (the discipline inspection commission, the party committee); the register
 * records it, with its basis, so the record shows it beside the results.
 */
export const EXEMPTION_DECISIONS = ['exempted', 'mitigated', 'not_exempted'] as const;
export type ExemptionDecision = (typeof EXEMPTION_DECISIONS)[number];
export const EXEMPTION_DECISION_LABELS: Record<ExemptionDecision, string> = {
  exempted: '予以容错免责',
  mitigated: '从轻减轻处理',
  not_exempted: '不予容错',
};
