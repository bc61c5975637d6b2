/**
 * The host's state machine for a live arena (局长擂台赛). Pure: the server loads the state, applies
 * one action and stores the result; every refusal is a ContestStateError with a Chinese message.
 *
 *   arena:        draft ──start──▶ live ──finish──▶ finished
 *   contestant:   waiting ──call──▶ presenting ──open──▶ scoring ──close──▶ closed ──reveal──▶ revealed
 *                                                          ▲                    │                  │
 *                                                          └──────reopen (reason)┴──────────────────┘
 */
export type ArenaStatus = 'draft' | 'live' | 'finished';
export type ContestantPhase = 'waiting' | 'presenting' | 'scoring' | 'closed' | 'revealed';

export interface HostState {
  status: ArenaStatus;
  /** Contestant ids in presentation order (empty until drawn). */
  order: readonly string[];
  current: string | null;
  phases: Readonly<Record<string, ContestantPhase>>;
  /** The speaking timer: time already run, and since when it runs now (epoch ms) or null when stopped. */
  timer: { elapsedMs: number; startedAt: number | null };
  /** Judges the host marked absent (缺席): for the whole arena (contestantId null) or one contestant. */
  absent?: readonly { judgeId: string; contestantId: string | null }[];
}

export type HostAction =
  | { type: 'start' }
  | { type: 'call'; contestantId?: string }
  | { type: 'timerStart' }
  | { type: 'timerStop' }
  | { type: 'timerReset' }
  | { type: 'open' }
  | { type: 'close' }
  | { type: 'reveal' }
  | { type: 'reopen'; contestantId: string; reason: string }
  | { type: 'finish' }
  /** 缺席: the judge is left out for one contestant, or for the whole arena without contestantId. */
  | { type: 'absent'; judgeId: string; contestantId?: string }
  /** Undoes a mark of absence (the judge arrived after all). */
  | { type: 'present'; judgeId: string; contestantId?: string };

export type HostActionType = HostAction['type'];

export class ContestStateError extends Error {
  readonly code = 'CONTEST_STATE_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'ContestStateError';
  }
}

function ensure(condition: boolean, message: string): asserts condition {
  if (!condition) throw new ContestStateError(message);
}

/** A contestant's phase in one word: the host console, the big screen and the judges' phones (web catalogue `arena:phase`). */
export const PHASE_LABELS: Record<ContestantPhase, string> = {
  waiting: '待出场',
  presenting: '陈述中',
  scoring: '评分中',
  closed: '评分已截止',
  revealed: '已亮分',
};

const stopped = (t: HostState['timer'], now: number): HostState['timer'] => ({
  elapsedMs: t.elapsedMs + (t.startedAt === null ? 0 : now - t.startedAt),
  startedAt: null,
});

/** Applies one host action at time `now` (epoch ms) and returns the new state. */
export function applyHostAction(state: HostState, action: HostAction, now: number): HostState {
  if (action.type === 'start') {
    ensure(state.status === 'draft', '擂台赛已开始，不能重复开始');
    ensure(state.order.length > 0, '请先抽签确定出场顺序');
    return { ...state, status: 'live' };
  }
  if (action.type === 'absent' || action.type === 'present') return markAbsence(state, action);
  ensure(state.status !== 'draft', '擂台赛尚未开始');
  ensure(state.status !== 'finished', '擂台赛已结束');
  const cur = state.current;
  const phaseOf = (id: string | null): ContestantPhase | null => (id === null ? null : (state.phases[id] ?? null));
  const setPhase = (id: string, phase: ContestantPhase): Record<string, ContestantPhase> => ({
    ...state.phases,
    [id]: phase,
  });
  const curPhase = phaseOf(cur);
  switch (action.type) {
    case 'call': {
      ensure(
        curPhase === null || curPhase === 'closed' || curPhase === 'revealed',
        '当前选手的评分尚未截止，不能叫下一位',
      );
      const id = action.contestantId ?? state.order.find((c) => state.phases[c] === 'waiting');
      ensure(id !== undefined, '所有选手均已出场');
      ensure(state.order.includes(id), '该选手不在本场名单中');
      ensure(state.phases[id] === 'waiting', '该选手已出场');
      return { ...state, current: id, phases: setPhase(id, 'presenting'), timer: { elapsedMs: 0, startedAt: null } };
    }
    case 'timerStart':
      ensure(curPhase === 'presenting', '只有陈述中的选手可以开始计时');
      ensure(state.timer.startedAt === null, '计时已在进行');
      return { ...state, timer: { elapsedMs: state.timer.elapsedMs, startedAt: now } };
    case 'timerStop':
      ensure(state.timer.startedAt !== null, '计时未开始');
      return { ...state, timer: stopped(state.timer, now) };
    case 'timerReset':
      ensure(curPhase === 'presenting', '只有陈述中的选手可以重新计时');
      return { ...state, timer: { elapsedMs: 0, startedAt: null } };
    case 'open':
      ensure(cur !== null && curPhase === 'presenting', '请先叫号，选手陈述后再开放评分');
      return { ...state, phases: setPhase(cur, 'scoring'), timer: stopped(state.timer, now) };
    case 'close':
      ensure(cur !== null && curPhase === 'scoring', '当前选手没有正在进行的评分');
      return { ...state, phases: setPhase(cur, 'closed') };
    case 'reveal':
      ensure(cur !== null && curPhase === 'closed', '请先截止评分再亮分');
      return { ...state, phases: setPhase(cur, 'revealed') };
    case 'reopen': {
      ensure(action.reason.trim().length > 0, '重新开放评分须填写理由');
      const p = phaseOf(action.contestantId);
      ensure(p === 'closed' || p === 'revealed', '只有评分已截止的选手可以重新开放评分');
      ensure(
        cur === action.contestantId || curPhase === null || curPhase === 'closed' || curPhase === 'revealed',
        '当前选手正在陈述或评分，请先截止',
      );
      return { ...state, current: action.contestantId, phases: setPhase(action.contestantId, 'scoring') };
    }
    case 'finish': {
      const pending = state.order.filter((c) => state.phases[c] !== 'closed' && state.phases[c] !== 'revealed');
      ensure(pending.length === 0, `还有 ${pending.length} 位选手未完成评分，不能结束`);
      return { ...state, status: 'finished', current: null, timer: stopped(state.timer, now) };
    }
  }
}

/**
 * Marks (or unmarks) a judge absent, before or during the arena. A contestant's mark may change only
 * until the contestant's scoring is closed (a reopen makes it changeable again); a whole-arena mark
 * until the end. The server checks that the judge belongs to the arena.
 */
function markAbsence(state: HostState, action: Extract<HostAction, { type: 'absent' | 'present' }>): HostState {
  ensure(state.status !== 'finished', '擂台赛已结束，不能再标记缺席');
  const contestantId = action.contestantId ?? null;
  if (contestantId !== null) {
    ensure(state.order.includes(contestantId), '该选手不在本场名单中');
    const p = state.phases[contestantId];
    ensure(p !== 'closed' && p !== 'revealed', '该选手评分已截止，请先重新开放评分');
  }
  const list = state.absent ?? [];
  const has = list.some((a) => a.judgeId === action.judgeId && a.contestantId === contestantId);
  if (action.type === 'absent') {
    ensure(!has, '该评委已标记为缺席');
    return { ...state, absent: [...list, { judgeId: action.judgeId, contestantId }] };
  }
  ensure(has, '该评委未标记为缺席');
  return { ...state, absent: list.filter((a) => !(a.judgeId === action.judgeId && a.contestantId === contestantId)) };
}

/** Whether judges may submit or correct a score for this contestant now. */
export function scoringOpen(state: HostState, contestantId: string): boolean {
  return state.status === 'live' && state.phases[contestantId] === 'scoring';
}

/** Remaining speaking time in ms (negative when over time). */
export function timerRemainingMs(timer: HostState['timer'], speakingMs: number, now: number): number {
  return speakingMs - stopped(timer, now).elapsedMs;
}

/** A fresh state for a drawn order. */
export function initialHostState(order: readonly string[]): HostState {
  return {
    status: 'draft',
    order,
    current: null,
    phases: Object.fromEntries(order.map((c) => [c, 'waiting' as const])),
    timer: { elapsedMs: 0, startedAt: null },
  };
}

const PLAIN_ACTIONS = [
  'start',
  'call',
  'timerStart',
  'timerStop',
  'timerReset',
  'open',
  'close',
  'reveal',
  'finish',
] as const;

/** Does the state machine accept the action now? */
function accepts(state: HostState, action: HostAction): boolean {
  try {
    applyHostAction(state, action, 0);
    return true;
  } catch (err) {
    if (err instanceof ContestStateError) return false;
    throw err;
  }
}

/**
 * The host console's buttons: every action `applyHostAction` would accept now, and the contestants whose
 * scoring may be reopened. Derived from the state machine itself, so a button never offers a refusal.
 * The 缺席 buttons, one pair per judge, are `allowedAbsenceActions`.
 */
export function allowedHostActions(state: HostState): { actions: HostActionType[]; reopen: string[] } {
  const reopen = state.order.filter((id) => accepts(state, { type: 'reopen', contestantId: id, reason: '—' }));
  const actions: HostActionType[] = PLAIN_ACTIONS.filter((type) => accepts(state, { type }));
  if (reopen.length > 0) actions.push('reopen');
  return { actions, reopen };
}

/** A 缺席 button: mark the judge absent, take the mark back ('present'), or none now (null). */
export type AbsenceAction = 'absent' | 'present' | null;

export interface JudgeAbsenceActions {
  judgeId: string;
  /** For the whole arena: before and during it, not once it is finished. */
  wholeArena: AbsenceAction;
  /**
   * For the contestant on stage, until their scoring closes; none for a judge absent from the whole
   * arena (absent for every contestant already).
   */
  onStage: AbsenceAction;
}

/** The host console's 缺席 buttons for each judge, derived from the state machine like the others. */
export function allowedAbsenceActions(state: HostState, judgeIds: readonly string[]): JudgeAbsenceActions[] {
  const button = (judgeId: string, contestantId?: string): AbsenceAction => {
    const at = contestantId === undefined ? {} : { contestantId };
    if (accepts(state, { type: 'absent', judgeId, ...at })) return 'absent';
    if (accepts(state, { type: 'present', judgeId, ...at })) return 'present';
    return null;
  };
  return judgeIds.map((judgeId) => {
    const wholeArena = button(judgeId);
    const absentFromAll = (state.absent ?? []).some((a) => a.judgeId === judgeId && a.contestantId === null);
    const onStage = state.current === null || absentFromAll ? null : button(judgeId, state.current);
    return { judgeId, wholeArena, onStage };
  });
}

/**
 * New judge codes: 发放评委码 for the panel, or 重置 one judge (a new code, their phone logged out).
 * Before and during the arena, never once it is finished. The host console's buttons follow it
 * (`codes` in the snapshot) and the server refuses with its sentence.
 */
export function judgeCodesProblem(state: HostState): string | null {
  return state.status === 'finished' ? '擂台赛已结束，不再发放评委码' : null;
}
