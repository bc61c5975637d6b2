import type { ArenaKind, ContestantKind, ExemptionDecision, LeaderOnTime } from '../cadre/index.js';
import type { LedgerColour, LedgerState } from '../ledger/index.js';

/** A cadre in the register (GET /api/cadres). */
export interface CadreView {
  id: number;
  name: string;
  post: string;
  unit: { id: number; name: string };
  since: string;
  /** The account they sign in with, if any (they read their own record with it). */
  account: { id: number; username: string } | null;
  /** What the caller may do next (the server decides; the web only renders). */
  actions: { edit: boolean; record: boolean };
}

/** Where an entry of the record came from, for its link: the web turns it into a route. */
export type CadreSource =
  | { kind: 'arena'; id: number }
  | { kind: 'ledger_item'; id: number }
  | { kind: 'evaluation'; id: number; unitId: number };

/** 干部实绩档案 (GET /api/cadres/:id/record): everything read from the other modules, each with its source. */
export interface CadreRecord {
  cadre: { id: number; name: string; post: string; unitName: string; since: string };
  /** 任职经历: the units led, newest first. */
  posts: { unitId: number; unitName: string; post: string; since: string; until: string | null }[];
  arenas: {
    arenaId: number;
    title: string;
    kind: ArenaKind | null;
    kindLabel: string;
    heldOn: string;
    office: string;
    as: ContestantKind;
    unitName: string;
    /** Null until the result is final (the arena finished). */
    rank: number | null;
    of: number;
    scoreShown: string | null;
    source: CadreSource;
  }[];
  /** 擂台承诺 they made on stage, with the state of the ledger item it became. */
  promises: {
    itemId: number;
    title: string;
    arenaTitle: string;
    deadline: string;
    state: LedgerState;
    stateLabel: string;
    colour: LedgerColour;
    closedOn: string | null;
    source: CadreSource;
  }[];
  /** The units they led and those units' published grades and ranks, by period. */
  grades: {
    unitName: string;
    evaluation: string;
    period: string;
    rank: number;
    of: number;
    grade: string | null;
    totalShown: string;
    source: CadreSource;
  }[];
  /** Ledger items where they are the responsible leader (责任领导), and their on-time rate. */
  led: {
    items: {
      itemId: number;
      title: string;
      unitName: string;
      deadline: string;
      stateLabel: string;
      colour: LedgerColour;
      closedOn: string | null;
      source: CadreSource;
    }[];
    onTime: LeaderOnTime;
  };
  /** 容错免责 decisions, oldest first; `source` is the ledger item concerned, when one is named. */
  exemptions: {
    id: number;
    decidedOn: string;
    matter: string;
    decision: ExemptionDecision;
    decisionLabel: string;
    basis: string;
    decidedBy: string;
    source: CadreSource | null;
  }[];
  /** Stated so nobody reads a missing section as an empty one. */
  notes: string[];
  /** What the reader may do next: record a 容错免责 decision (the department that keeps the cadre). */
  actions: { exempt: boolean };
}
