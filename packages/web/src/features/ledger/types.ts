import type { LedgerAction, LedgerColour, LedgerPriority, LedgerState } from '@leitai/core';

export interface Ref {
  id: number;
  name: string;
}

export interface Step {
  id: number;
  seq: number;
  title: string;
  deadline: string;
  doneOn: string | null;
  colour: LedgerColour;
  daysOverdue: number;
}

export interface LedgerItem {
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
  createdAt: string;
  closedOn: string | null;
  colour: LedgerColour;
  daysLeft: number | null;
  daysOverdue: number;
  steps: Step[];
  subItemCount: number;
}

export interface FileRef {
  id: number;
  name: string;
  size: number;
}

export interface LedgerEvent {
  id: number;
  kind: string;
  actorName: string;
  at: string;
  text: string;
  data: Record<string, unknown> | null;
  files: FileRef[];
}

export interface ItemDetail extends LedgerItem {
  events: LedgerEvent[];
  extensions: { id: number; requestedDeadline: string; reason: string; status: 'pending' | 'approved' | 'refused'; requestedAt: string; decision: string | null }[];
  subItems: LedgerItem[];
  parties: ('organiser' | 'lead' | 'co')[];
  actions: LedgerAction[];
}

export interface LedgerMeta {
  sources: string[];
  priorities: { value: LedgerPriority; label: string }[];
  units: { id: number; name: string; code: string }[];
  leaders: Ref[];
  today: string;
}

// Labels live in the catalogue (messages.ts), keyed by these values.
export const STATE_COLORS: Record<LedgerState, string> = { assigned: 'default', acknowledged: 'blue', in_progress: 'processing', close_requested: 'purple', closed: 'success' };
export const COLOUR_TAGS: Record<LedgerColour, string> = { green: 'green', yellow: 'gold', red: 'red', closed: 'default' };
/** The traffic lights in the order the filter lists them. */
export const COLOURS: readonly LedgerColour[] = ['green', 'yellow', 'red', 'closed'];
