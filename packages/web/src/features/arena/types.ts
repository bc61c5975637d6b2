/** The server's shapes (packages/server/src/modules/arena), as the pages use them. */
export type Phase = 'waiting' | 'presenting' | 'scoring' | 'closed' | 'revealed';
export type ArenaStatus = 'draft' | 'live' | 'finished';

export interface LiveSnapshot {
  arenaId: number;
  version: number;
  title: string;
  heldOn: string;
  status: ArenaStatus;
  seed: string | null;
  speakingSeconds: number;
  criteria: { id: string; max: string }[];
  timer: { elapsedMs: number; startedAt: number | null; serverNow: number };
  judgesTotal: number;
  current: null | { contestantId: number; unitName: string; presenter: string; position: number; phase: Phase; eligible: number; submitted: number; submittedJudgeIds: number[] };
  contestants: { id: number; unitName: string; presenter: string; position: number | null; phase: Phase; score: string | null; rank: number | null }[];
}

export interface ArenaSummary {
  id: number;
  title: string;
  heldOn: string;
  status: ArenaStatus;
  seed: string | null;
  contestants: number;
  campaign: { id: number; name: string } | null;
}

export interface ArenaDetail {
  id: number;
  title: string;
  heldOn: string;
  status: ArenaStatus;
  seed: string | null;
  speakingSeconds: number;
  scheme: { criteria: { id: string; max: string | number }[]; groups: { id: string; weight: string | number }[] };
  screenToken: string | null;
  contestants: { id: number; unitId: number; unitName: string; presenter: string }[];
  judges: { id: number; name: string; groupId: string; unitId: number | null; hasCode: boolean; device: 'none' | 'active' | 'idle' }[];
  recusals: { judgeId: number; contestantId: number; kind: 'unit' | 'manual'; reason: string }[];
}

export type JudgeStatus = 'used' | 'trimmedHigh' | 'trimmedLow' | 'recused' | 'absent';
export interface ArenaResult {
  arena: { id: number; title: string; heldOn: string; status: ArenaStatus; seed: string | null; criteria: { id: string; max: string }[]; groups: { id: string; weight: string }[] };
  rows: {
    rank: number | null;
    contestantId: number;
    unitName: string;
    presenter: string;
    position: number | null;
    score: string | null;
    criteria: Record<string, string | null>;
    groups: { groupId: string; score: string | null; weight: string; judges: { judgeId: number; name: string; status: JudgeStatus; total: string | null }[] }[];
  }[];
  absences: { judgeId: number; name: string; groupId: string; contestants: string[] }[];
}

export const PHASE_COLOR: Record<Phase, string> = { waiting: 'default', presenting: 'processing', scoring: 'warning', closed: 'purple', revealed: 'success' };
export const STATUS_COLOR: Record<ArenaStatus, string> = { draft: 'default', live: 'red', finished: 'green' };

/** Two decimals for display; the server's numbers are exact decimals. */
export const fmt = (v: string | null | undefined): string => (v === null || v === undefined ? '—' : Number(v).toFixed(2));
