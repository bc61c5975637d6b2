/** 催办 and 批示 on a ledger item or a monthly report, as its page shows them (ledger detail, report form). */
export interface UrgeView<T = string> {
  id: number;
  byName: string;
  at: T;
  message: string;
}

export interface InstructionView<T = string> {
  id: number;
  byName: string;
  at: T;
  text: string;
  answer: string | null;
  answeredByName: string | null;
  answeredAt: T | null;
  /** The person looking may answer it now (the unit's people, once). */
  canAnswer: boolean;
}

/** What the person looking may do: urge (the office, when overdue), instruct (a leader over the unit). */
export type SupervisionAction = 'urge' | 'instruct';

export interface Supervision<T = string> {
  urgeCount: number;
  urges: UrgeView<T>[];
  instructions: InstructionView<T>[];
  actions: SupervisionAction[];
}
