import type { FileInfo, LedgerPriority, LedgerState, Ref } from '@leitai/core';

/** The server's shapes are declared once, in core's contracts. */
export type { LedgerEvent, LedgerItem, LedgerItemDetail as ItemDetail, LedgerStep as Step, Ref } from '@leitai/core';
export type FileRef = FileInfo;

export interface LedgerMeta {
  sources: string[];
  priorities: { value: LedgerPriority; label: string }[];
  units: { id: number; name: string; code: string }[];
  leaders: Ref[];
  today: string;
}

// Labels live in the catalogue (messages.ts), keyed by these values.
export const STATE_COLORS: Record<LedgerState, string> = {
  assigned: 'default',
  acknowledged: 'blue',
  in_progress: 'processing',
  close_confirming: 'gold',
  close_requested: 'purple',
  closed: 'success',
};
