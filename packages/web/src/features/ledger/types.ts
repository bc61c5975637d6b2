import { LEDGER_ACTION_LABELS, LEDGER_COLOUR_LABELS, LEDGER_PRIORITY_LABELS, LEDGER_STATE_LABELS, type LedgerAction, type LedgerColour, type LedgerPriority, type LedgerState } from '@leitai/core';

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

export const STATE_LABELS = LEDGER_STATE_LABELS;
export const COLOUR_LABELS = LEDGER_COLOUR_LABELS;
export const PRIORITY_LABELS = LEDGER_PRIORITY_LABELS;
export const ACTION_LABELS = LEDGER_ACTION_LABELS;
export const STATE_COLORS: Record<LedgerState, string> = { assigned: 'default', acknowledged: 'blue', in_progress: 'processing', close_requested: 'purple', closed: 'success' };
export const COLOUR_TAGS: Record<LedgerColour, string> = { green: 'green', yellow: 'gold', red: 'red', closed: 'default' };

export const EVENT_LABELS: Record<string, string> = {
  assign: '交办',
  acknowledge: '签收',
  progress: '报送进展',
  complete_step: '完成节点',
  request_close: '申请销号',
  return: '退回',
  close: '销号',
  request_extension: '申请延期',
  extension_approved: '同意延期',
  extension_refused: '不同意延期',
  reassign: '转办',
  split: '分解',
};
