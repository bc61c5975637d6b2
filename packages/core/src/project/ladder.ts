import type { ProjectCard } from './catalog.js';

/**
 * The 约谈 ladder (三亚's rule, DESIGN §3.7): a yellow card → the project's lead is interviewed by the
 * 包保领导; two yellows in a row → the deputy leader in charge interviews the responsible unit's head; a
 * red card → the leader in charge. A month with a missing report counts as a yellow: never better than
 * a late one.
 */
export const INTERVIEW_RUNGS = ['yellow', 'twoYellows', 'red'] as const;
export type InterviewRung = (typeof INTERVIEW_RUNGS)[number];

/** Who interviews: the project's 包保领导, or the deputy leader in charge of its field (分管副职). */
export type Interviewer = 'leader' | 'deputy';

export interface LadderRung {
  rung: InterviewRung;
  interviewer: Interviewer;
  /** Who is interviewed, as the ledger item names them. */
  interviewee: string;
  /** Working days the interview is due in. */
  workingDays: number;
}

export const DEFAULT_LADDER_RUNGS: readonly LadderRung[] = [
  { rung: 'yellow', interviewer: 'leader', interviewee: '项目负责人', workingDays: 10 },
  { rung: 'twoYellows', interviewer: 'deputy', interviewee: '责任单位主要负责人', workingDays: 10 },
  { rung: 'red', interviewer: 'leader', interviewee: '责任单位主要负责人', workingDays: 5 },
];

export const INTERVIEW_RUNG_LABELS: Record<InterviewRung, string> = {
  yellow: '黄牌约谈',
  twoYellows: '连续黄牌约谈',
  red: '红牌约谈',
};
export const INTERVIEWER_LABELS: Record<Interviewer, string> = { leader: '包保领导', deputy: '分管副职' };

const yellowish = (c: ProjectCard | undefined) => c === 'yellow' || c === 'overdue';

/**
 * The rung the latest month reaches, from the project's cards month by month (oldest first); null when
 * the latest is green or not yet due. One interview per project and month at most: the highest rung.
 */
export function interviewRung(cards: readonly ProjectCard[]): InterviewRung | null {
  const last = cards[cards.length - 1];
  if (last === 'red') return 'red';
  if (!yellowish(last)) return null;
  return yellowish(cards[cards.length - 2]) ? 'twoYellows' : 'yellow';
}
