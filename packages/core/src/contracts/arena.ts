import type { ArenaSchemeInput, JudgeStatus } from '../arena/index.js';
import type { ArenaKind, ContestantKind } from '../cadre/index.js';
import type { AbsenceAction, ArenaStatus, ContestantPhase, HostActionType, JudgingAction } from '../contest/index.js';
import type { Explanation } from '../explain/index.js';
import type { LedgerColour, LedgerState } from '../ledger/index.js';
import type { WarningState } from '../pace/index.js';

/** GET /api/arenas: one line of the list. */
export interface ArenaSummary {
  id: number;
  /** The office (考核办) that runs it: the actor's own, or one below it (docs/levels.md). */
  office: { id: number; name: string };
  /** The actor's office runs it (set-up and host console), rather than only reading its result. */
  manageable: boolean;
  title: string;
  /** 一把手擂台, 书记擂台 …, or 擂台赛 for an arena of no kind. */
  kindLabel: string;
  heldOn: string;
  status: ArenaStatus;
  seed: string | null;
  contestants: number;
  campaign: { id: number; name: string } | null;
}

/** GET /api/arenas/:id: the set-up as the host console needs it. */
export interface ArenaDetail {
  id: number;
  campaignId: number | null;
  title: string;
  kind: ArenaKind | null;
  kindLabel: string;
  heldOn: string;
  status: ArenaStatus;
  seed: string | null;
  speakingSeconds: number;
  scheme: ArenaSchemeInput;
  /** The big-screen link, for those who manage arenas only. */
  screenToken: string | null;
  /** A unit (its presenter a cadre of the register, or free text) or a person from the register. */
  contestants: {
    id: number;
    unitId: number;
    unitName: string;
    presenter: string;
    kind: ContestantKind;
    cadreId: number | null;
  }[];
  /** Empty for everyone but the office until the arena is finished. */
  judges: {
    id: number;
    name: string;
    groupId: string;
    unitId: number | null;
    /** The account that judges (scores signed in, needs no code); null for an outside judge. */
    userId: number | null;
    hasCode: boolean;
    device: 'none' | 'active' | 'idle';
  }[];
  recusals: { judgeId: number; contestantId: number; kind: 'unit' | 'manual'; reason: string }[];
}

/** What the big screen, the judges' phones and the host console all see; no unrevealed score leaves the server. */
export interface LiveSnapshot {
  arenaId: number;
  version: number;
  title: string;
  heldOn: string;
  status: ArenaStatus;
  seed: string | null;
  speakingSeconds: number;
  criteria: { id: string; max: string }[];
  /** The scoring rule as applied to this panel (trimmed means only for groups of 5 or more): core's appliedRuleStatement. */
  rule: string;
  timer: { elapsedMs: number; startedAt: number | null; serverNow: number };
  judgesTotal: number;
  /**
   * The host console's buttons, decided by core's allowedHostActions, allowedAbsenceActions and
   * judgeCodesProblem: what the state machine accepts now, each judge's 缺席 buttons (whole arena,
   * contestant on stage), and whether judge codes may be issued or reset.
   */
  host: {
    actions: HostActionType[];
    reopen: number[];
    absence: { judgeId: number; wholeArena: AbsenceAction; onStage: AbsenceAction }[];
    /** New judge codes may be issued now (发放评委码, and 重置 for one judge): core's judgeCodesProblem. */
    codes: boolean;
  };
  /** Judges the host marked absent (缺席): for the whole arena (contestantId null) or one contestant. */
  absent: { judgeId: number; contestantId: number | null }[];
  current: null | {
    contestantId: number;
    unitName: string;
    presenter: string;
    position: number;
    phase: ContestantPhase;
    /** Judges expected to score (the panel minus recusals and judges marked absent). */
    eligible: number;
    submitted: number;
    submittedJudgeIds: number[];
  };
  /** In presentation order (unit order before the draw); score and rank only once revealed. */
  contestants: {
    id: number;
    unitName: string;
    presenter: string;
    position: number | null;
    phase: ContestantPhase;
    score: string | null;
    /** Two places rounded once from the exact score: what the big screen shows. */
    scoreShown: string | null;
    rank: number | null;
  }[];
}

/** GET /api/arenas/:id/result: the ranking, by criterion and by judge group, with trimmed scores marked. */
export interface ArenaResult {
  arena: {
    id: number;
    title: string;
    heldOn: string;
    status: ArenaStatus;
    seed: string | null;
    criteria: { id: string; max: string }[];
    groups: { id: string; weight: string }[];
  };
  /** In rank order; contestants whose scoring never closed come last with no score. */
  rows: {
    rank: number | null;
    contestantId: number;
    unitName: string;
    presenter: string;
    position: number | null;
    /** Six places, rounded once from the exact score (what the Excel holds); `…Shown`: two places, also rounded once from the exact value. */
    score: string | null;
    scoreShown: string | null;
    criteria: Record<string, string | null>;
    criteriaShown: Record<string, string | null>;
    groups: {
      groupId: string;
      score: string | null;
      scoreShown: string | null;
      weight: string;
      judges: {
        judgeId: number;
        name: string;
        status: JudgeStatus;
        total: string | null;
        totalShown: string | null;
      }[];
    }[];
    explanation: Explanation | null;
  }[];
  /** Judges who did not submit for some contestant they were due to score (未到/未评分). */
  absences: { judgeId: number; name: string; groupId: string; contestants: string[] }[];
  /** Judges the host marked absent (缺席): for the whole arena (`wholeArena`) or the contestants listed. */
  excused: { judgeId: number; name: string; groupId: string; wholeArena: boolean; contestants: string[] }[];
}

/** GET /api/judge/state: a judge's phone. */
export interface JudgeState {
  judge: { id: number; name: string; groupId: string };
  live: LiveSnapshot;
  /** My submissions by contestant id. */
  scores: Record<string, { criteria: Record<string, string>; total: string; reason: string | null }>;
  recusedFrom: number[];
  reasonRule: { high: string; low: string } | null;
  /** The read-only live stream to follow (the big screen's): /api/screen/<token>/events. */
  screenToken: string;
}

/** GET /api/judging: one arena the signed-in user judges, in the order of their home (today's first). */
export interface JudgingArena {
  arenaId: number;
  judgeId: number;
  title: string;
  heldOn: string;
  today: boolean;
  status: ArenaStatus;
  office: { id: number; name: string };
  groupId: string;
  /** What the judge may do next (core's judgingAction); the page at /judging/:arenaId serves each. */
  action: JudgingAction;
}

/**
 * GET /api/arenas/:id/brief: 赛前简报, each contestant's standing assembled from its data before it goes
 * on stage: the latest month's warning lights, its open and overdue supervised items, and what it
 * promised at other arenas, with what became of it.
 */
export interface ArenaBriefRow {
  contestantId: number;
  unitId: number;
  unitName: string;
  /** The arena's campaign, last month reported before the arena; null without a campaign or a month. */
  dispatch: { period: string; counts: Record<WarningState, number> } | null;
  ledger: { open: number; overdue: number };
  commitments: {
    id: number;
    title: string;
    arena: string;
    deadline: string;
    state: LedgerState;
    colour: LedgerColour;
    daysOverdue: number;
  }[];
}
export interface ArenaBrief {
  arena: { id: number; title: string; heldOn: string };
  rows: ArenaBriefRow[];
}
