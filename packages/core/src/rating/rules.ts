import type { LedgerState } from '../ledger/states.js';
import { dayNumber, fromDayNumber, type IsoDate } from '../calendar/index.js';
import { formatRatio, ratio, roundRatio, toDecimal, type Decimal } from '../number/index.js';

/**
 * The rules of 政务服务好差评 as Leitai runs them (docs/ratings.md): the jurisdiction's settings and
 * their defaults, the period a device may rate a point once in, the burst rule, the figures offices
 * report, and what may be done next with a bad rating. Pure; the server stores and serves them.
 */

export interface RatingSettings {
  /** Printed on every poster (the campaign the ratings belong to). */
  campaignName: string;
  /** Points per level, stars 1…5 (index 0 is 非常不满意): 1/2/3/4/5, or e.g. 0/3/6/8/10. */
  levelPoints: readonly [number, number, number, number, number];
  /** A device rates a point once per this many days (1 = once a day). */
  periodDays: number;
  /** Working days a unit has to rectify a bad rating (5; 10 and 15 are in use). */
  rectifyWorkingDays: number;
  /** Working days to call a real-name bad rater back (回访). */
  callbackWorkingDays: number;
  /** Optional dimension tags a rater may pick. */
  tags: readonly string[];
  /** Reasons a bad rating must choose from. */
  badReasons: readonly string[];
  /** A real-name bad rating's phone must be verified by an SMS code (PHONE_CODE_RULES). */
  requireVerifiedPhone: boolean;
  /** Keyed address hashes are erased after this many days (PIPL: kept only for abuse detection). */
  addressRetentionDays: number;
  /** The Bayesian confidence constant C of DESIGN §3.4. */
  confidence: number;
  burst: BurstRule;
}

/** When arrivals look stuffed: far above a point's normal rate, or many from one address range. */
export interface BurstRule {
  windowMinutes: number;
  /** Flag when the window holds more than `factor` × the point's normal count per window … */
  factor: number;
  /** … and at least this many (a quiet counter with 0.1 a window is not a burst at 3). */
  minCount: number;
  /** Flag when one address range (IPv4 /24, IPv6 /48) gives more than this many in the window. */
  perRange: number;
}

/** GB/T 39734-2020 (政务服务评价工作指南) names these kinds of 差评 cause. */
export const DEFAULT_BAD_REASONS = [
  '服务态度差',
  '办事效率低',
  '多次跑动',
  '材料要求不合理',
  '办事指南不清楚',
  '办事环境差',
  '系统故障',
  '不廉洁不规范',
  '其他',
] as const;

export const DEFAULT_RATING_SETTINGS: RatingSettings = {
  campaignName: '效能评议 · 大众点评',
  levelPoints: [1, 2, 3, 4, 5],
  periodDays: 1,
  rectifyWorkingDays: 5,
  callbackWorkingDays: 1,
  tags: ['服务态度', '办事效率', '办事环境', '廉洁规范'],
  badReasons: DEFAULT_BAD_REASONS,
  requireVerifiedPhone: false,
  addressRetentionDays: 90,
  confidence: 10,
  burst: { windowMinutes: 10, factor: 5, minCount: 20, perRange: 15 },
};

export const RATING_COMMENT_MAX = 500;

/** What a rating point is: the unit itself, or one of its windows, matters or teams. */
export const RATING_POINT_KINDS = ['unit', 'window', 'matter', 'team'] as const;
export type RatingPointKind = (typeof RATING_POINT_KINDS)[number];
export const RATING_POINT_KIND_LABELS: Record<RatingPointKind, string> = {
  unit: '单位',
  window: '窗口',
  matter: '事项',
  team: '队伍',
};

/** The first day of the rating period `date` falls in: the key of "once per device per point per period". */
export function ratingPeriodStart(date: IsoDate, periodDays: number): IsoDate {
  const d = dayNumber(date);
  return fromDayNumber(d - (((d % periodDays) + periodDays) % periodDays));
}

/** A mainland mobile number; a pattern (not only a predicate) so the API document states it. */
export const MOBILE_PHONE_PATTERN = /^1[3-9]\d{9}$/;
export const isMobilePhone = (text: string): boolean => MOBILE_PHONE_PATTERN.test(text);

/** 138****1234: what the people who must call back see. */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

/**
 * Why a rating should wait for review, or null. The point's normal rate is `history.count` ratings over
 * `history.windows` windows of the rule's length (the last weeks); compared in integers, exactly.
 */
export function burstReason(
  counts: { pointInWindow: number; history: { count: number; windows: number }; rangeInWindow: number },
  rule: BurstRule,
): string | null {
  const { count, windows } = counts.history;
  const aboveNormal = windows === 0 || counts.pointInWindow * windows > rule.factor * count;
  if (counts.pointInWindow >= rule.minCount && aboveNormal)
    return `${rule.windowMinutes} 分钟内收到 ${counts.pointInWindow} 条评价，远高于该评价点平时的水平`;
  if (counts.rangeInWindow > rule.perRange)
    return `${rule.windowMinutes} 分钟内同一网段提交了 ${counts.rangeInWindow} 条评价`;
  return null;
}

/** What the office reports per unit and period, counted over ratings that count (released, not upheld on appeal). */
export interface RatingCounts {
  total: number;
  /** Levels 4–5 (满意, 非常满意). */
  good: number;
  /** Levels 1–2. */
  bad: number;
  /** Bad ratings whose rectification item is closed. */
  badRectified: number;
  /** Bad ratings that left a phone number (实名差评). */
  realNameBad: number;
  realNameCalledBack: number;
  realNameCalledBackRectified: number;
  /** Σ points of the jurisdiction's level mapping. */
  points: number;
}

/** Nothing counted yet: the start of a sum of counts. */
export const emptyRatingCounts = (): RatingCounts => ({
  total: 0,
  good: 0,
  bad: 0,
  badRectified: 0,
  realNameBad: 0,
  realNameCalledBack: 0,
  realNameCalledBackRectified: 0,
  points: 0,
});

export interface RatingFigures {
  /** 好评率, 差评率, 差评整改率, 回访率, 实名差评回访整改率 as exact decimals (6 places) and shown (2 places, %). */
  goodRate: Rate;
  badRate: Rate;
  rectifiedRate: Rate;
  callbackRate: Rate;
  realNameRectifiedRate: Rate;
  /** Mean points per rating on the jurisdiction's mapping. */
  averagePoints: Rate;
}

/** A share: null when there is nothing to divide by (no ratings, no bad ratings). */
export interface Rate {
  /** In percent, six places ("66.666667"). */
  value: Decimal | null;
  /** As a fraction, six places ("0.666667"): what a spreadsheet's % format takes. */
  fraction: Decimal | null;
  shown: string;
}

/** part / whole as a rate, rounded once from the exact share (a reason's share of the bad ratings). */
export const rateOf = (part: number, whole: number): Rate => share(part, whole);

/** Each figure rounded once from the exact share. */
function share(part: number, whole: number, scale = 100): Rate {
  if (whole === 0) return { value: null, fraction: null, shown: '—' };
  const r = ratio(BigInt(part) * BigInt(scale) * 1_000_000n, BigInt(whole));
  const f = ratio(BigInt(part) * 1_000_000n, BigInt(whole));
  return { value: toDecimal(roundRatio(r)), fraction: toDecimal(roundRatio(f)), shown: formatRatio(r, 2) };
}

export function ratingFigures(c: RatingCounts): RatingFigures {
  return {
    goodRate: share(c.good, c.total),
    badRate: share(c.bad, c.total),
    rectifiedRate: share(c.badRectified, c.bad),
    callbackRate: share(c.realNameCalledBack, c.realNameBad),
    realNameRectifiedRate: share(c.realNameCalledBackRectified, c.realNameBad),
    averagePoints: share(c.points, c.total, 1),
  };
}

/** Where a bad rating stands; one word each, used by the pages, the lookup page and the exports. */
export const BAD_RATING_STATES = [
  'held',
  'open',
  'answered',
  'satisfied',
  'reopened',
  'closed',
  'appealed',
  'excluded',
] as const;
export type BadRatingState = (typeof BAD_RATING_STATES)[number];

export const BAD_RATING_STATE_LABELS: Record<BadRatingState, string> = {
  held: '待审核',
  open: '整改中',
  answered: '已答复',
  satisfied: '追评满意',
  reopened: '追评不满意',
  closed: '已办结',
  appealed: '申诉中',
  excluded: '申诉成立',
};

export interface BadRatingFacts {
  review: 'none' | 'held' | 'released' | 'rejected';
  appeal: 'none' | 'pending' | 'upheld' | 'refused';
  /** The rectification item's state on the ledger, null before it exists. */
  itemState: LedgerState | null;
  followUp: 'none' | 'satisfied' | 'unsatisfied';
}

export function badRatingState(f: BadRatingFacts): BadRatingState {
  if (f.review === 'held') return 'held';
  if (f.appeal === 'upheld') return 'excluded';
  if (f.appeal === 'pending') return 'appealed';
  if (f.followUp === 'satisfied') return 'satisfied';
  if (f.itemState === 'closed') return 'closed';
  if (f.itemState === 'close_requested') return 'answered';
  if (f.followUp === 'unsatisfied') return 'reopened';
  return 'open';
}

/** An appeal's state, one word each (the bulletin, the pages). */
export const RATING_APPEAL_STATES = ['pending', 'upheld', 'refused'] as const;
export type RatingAppealState = (typeof RATING_APPEAL_STATES)[number];
export const RATING_APPEAL_STATE_LABELS: Record<RatingAppealState, string> = {
  pending: '待审核',
  upheld: '申诉成立',
  refused: '申诉不成立',
};

/** Any rating's state: a bad rating's, or one held, rejected as stuffing, or simply counted. */
export type RatingState = BadRatingState | 'rejected' | 'counted';
export const RATING_STATE_LABELS: Record<RatingState, string> = {
  ...BAD_RATING_STATE_LABELS,
  rejected: '认定刷评',
  counted: '已计入',
};

export function ratingState(f: BadRatingFacts, bad: boolean): RatingState {
  if (f.review === 'rejected') return 'rejected';
  return bad || f.review === 'held' ? badRatingState(f) : 'counted';
}

/** Counts only what is released (or never held) and not removed by an upheld appeal. */
export const ratingCounts = (f: Pick<BadRatingFacts, 'review' | 'appeal'>): boolean =>
  (COUNTED_REVIEWS as readonly string[]).includes(f.review) && f.appeal !== EXCLUDED_APPEAL;
/** The same rule as data, for the queries that count in SQL. */
export const COUNTED_REVIEWS = ['none', 'released'] as const;
export const EXCLUDED_APPEAL = 'upheld';

/** The rater's one follow-up (追评) is open once the unit has answered, and only once. */
export const followUpOpen = (f: BadRatingFacts): boolean =>
  f.followUp === 'none' && ratingCounts(f) && (f.itemState === 'close_requested' || f.itemState === 'closed');

export const RATING_ACTIONS = ['callback', 'reveal_phone', 'appeal', 'decide_appeal', 'release', 'reject'] as const;
export type RatingAction = (typeof RATING_ACTIONS)[number];

export const RATING_ACTION_LABELS: Record<RatingAction, string> = {
  callback: '登记回访',
  reveal_phone: '查看号码',
  appeal: '申诉',
  decide_appeal: '审核申诉',
  release: '放行计入',
  reject: '认定刷评',
};

/**
 * What the viewer may do next with one rating. The rated unit calls back and appeals; someone other
 * than the unit (the office) decides appeals and the review queue.
 */
export function allowedRatingActions(
  f: BadRatingFacts & { bad: boolean; hasPhone: boolean; calledBack: boolean },
  viewer: 'office' | 'unit' | 'reader',
): RatingAction[] {
  const out: RatingAction[] = [];
  if (viewer === 'office' && f.review === 'held') out.push('release', 'reject');
  if (f.review === 'held' || f.review === 'rejected') return out;
  // The number is for calling back: only the rated unit, who must call, may open it (PIPL).
  if (viewer === 'unit' && f.bad && f.hasPhone) out.push('reveal_phone');
  if (viewer === 'unit' && f.bad && f.hasPhone && !f.calledBack) out.push('callback');
  if (viewer === 'unit' && f.bad && f.appeal === 'none') out.push('appeal');
  if (viewer === 'office' && f.appeal === 'pending') out.push('decide_appeal');
  return out;
}

/** SMS verification of a real-name bad rating's phone (where the office requires it). */
export const PHONE_CODE_RULES = {
  /** Digits in a code. */
  length: 6,
  /** Minutes a code stays valid. */
  ttlMinutes: 10,
  /** Codes a number may receive in an hour. */
  perHour: 5,
  /** Seconds before the same number may ask again. */
  resendSeconds: 60,
  /** Wrong tries before a code is spent. */
  maxAttempts: 5,
} as const;

/** Why a number may not receive another code now, or null: at most `perHour` an hour, one a minute. */
export function phoneCodeRefusal(sent: { inLastHour: number; lastAt: Date | null }, now: Date): string | null {
  if (sent.lastAt && now.getTime() - sent.lastAt.getTime() < PHONE_CODE_RULES.resendSeconds * 1000)
    return `验证码已发送，请 ${PHONE_CODE_RULES.resendSeconds} 秒后再获取`;
  if (sent.inLastHour >= PHONE_CODE_RULES.perHour) return '该号码一小时内获取验证码次数过多，请稍后再试';
  return null;
}

/** Whether a typed code verifies the number: the newest code sent to it, unexpired, unused, with tries left, matching. */
export function phoneCodeVerdict(
  code: { expiresAt: Date; attempts: number; usedAt: Date | null } | null,
  matches: boolean,
  now: Date,
): { ok: true } | { ok: false; message: string; countAttempt: boolean } {
  if (!code || code.usedAt) return { ok: false, message: '请先获取短信验证码', countAttempt: false };
  if (code.expiresAt.getTime() <= now.getTime())
    return { ok: false, message: '验证码已过期，请重新获取', countAttempt: false };
  if (code.attempts >= PHONE_CODE_RULES.maxAttempts)
    return { ok: false, message: '验证码错误次数过多，请重新获取', countAttempt: false };
  if (!matches) return { ok: false, message: '验证码不正确', countAttempt: true };
  return { ok: true };
}
