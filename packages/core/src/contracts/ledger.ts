import type { Supervision } from './supervision.js';
import type {
  LedgerAction,
  LedgerColour,
  LedgerParty,
  LedgerPriority,
  LedgerState,
  UnitCloseOutRate,
} from '../ledger/index.js';

export interface Ref {
  id: number;
  name: string;
}

/** An uploaded file as lists show it. `D`: the timestamp's type (Date on the server, ISO text in JSON). */
export interface FileInfo<D = string> {
  id: number;
  name: string;
  size: number;
  mime: string;
  createdAt: D;
}

export interface LedgerStep {
  id: number;
  seq: number;
  title: string;
  deadline: string;
  doneOn: string | null;
  colour: LedgerColour;
  daysOverdue: number;
}

/** GET /api/ledger/items: one item with names resolved and its colour computed for today. */
export interface LedgerItem<D = string> {
  id: number;
  parentId: number | null;
  title: string;
  content: string;
  source: string;
  priority: LedgerPriority;
  tags: string[];
  leadUnit: Ref;
  coUnits: Ref[];
  leader: Ref | null;
  deadline: string;
  originalDeadline: string;
  state: LedgerState;
  version: number;
  createdAt: D;
  closedOn: string | null;
  colour: LedgerColour;
  daysLeft: number | null;
  daysOverdue: number;
  steps: LedgerStep[];
  subItemCount: number;
  /** Of the sub-items, how many are closed: the parent's roll-up. */
  subItemsClosed: number;
  /** 擂台承诺: the arena on whose stage it was promised (its title as `name`). */
  arena: Ref | null;
}

/** One entry of an item's history. */
export interface LedgerEvent<D = string> {
  id: number;
  kind: string;
  actorName: string;
  at: D;
  text: string;
  data: Record<string, unknown> | null;
  files: FileInfo<D>[];
}

/** GET /api/ledger/items/:id: the item, its history, extension requests, sub-items, and what the caller may do. */
export interface LedgerItemDetail<D = string> extends LedgerItem<D> {
  events: LedgerEvent<D>[];
  extensions: {
    id: number;
    requestedDeadline: string;
    reason: string;
    status: 'pending' | 'approved' | 'refused';
    requestedAt: D;
    decision: string | null;
    decidedAt: D | null;
  }[];
  subItems: LedgerItem<D>[];
  parties: LedgerParty[];
  actions: LedgerAction[];
  /** For a close-out request whose steps are not all done: what the verifier is told (core's unfinishedStepsFlag). */
  closeOutFlag: string | null;
  /** 催办 and 批示 on the item, and whether the person looking may urge or instruct. */
  supervision: Supervision<D>;
}

/** GET /api/ledger/counts: 各单位台账统计, by lead unit. */
export interface LedgerUnitCounts {
  unitId: number;
  unitName: string;
  total: number;
  open: number;
  yellow: number;
  overdue: number;
  closedOnTime: number;
  closedLate: number;
}

/** GET /api/ledger/rates: 按期销号率 of one unit. */
export interface LedgerRateRow extends UnitCloseOutRate {
  unitName: string;
}
