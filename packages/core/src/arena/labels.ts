import type { JudgeStatus } from './score.js';

/**
 * A judge's score in the result, one word per status: the Excel detail sheet, and the web catalogue's
 * `arena:judgeStatus` (its 简体中文 is these words).
 */
export const JUDGE_STATUS_LABELS: Record<JudgeStatus, string> = {
  used: '计入',
  trimmedHigh: '去掉最高分',
  trimmedLow: '去掉最低分',
  recused: '回避',
  excused: '缺席',
  absent: '未评分',
};
