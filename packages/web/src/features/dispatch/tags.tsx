import { Tag } from 'antd';
import type { ReportState, ReportTiming, WarningState } from '@leitai/core';

const WARNING: Record<WarningState, [string, string]> = {
  green: ['success', '绿灯'],
  yellow: ['warning', '黄灯'],
  red: ['error', '红灯'],
  overdue: ['magenta', '逾期未报'],
  pending: ['default', '待报'],
};

/** 红黄绿灯, the same words on the board, the unit page and the bulletin. */
export function WarningTag({ state }: { state: WarningState }) {
  const [color, label] = WARNING[state];
  return (
    <Tag color={color} data-testid={`warning-${state}`} style={{ marginInlineEnd: 0 }}>
      {label}
    </Tag>
  );
}

export const WARNING_COLOURS: Record<WarningState, string> = { green: '#52c41a', yellow: '#faad14', red: '#f5222d', overdue: '#c41d7f', pending: '#bfbfbf' };

const REPORT: Record<ReportState | 'none', [string, string]> = {
  none: ['default', '未填报'],
  draft: ['processing', '填报中'],
  submitted: ['blue', '待审核'],
  returned: ['error', '已退回'],
  accepted: ['success', '已通过'],
};
export function ReportStateTag({ state }: { state: ReportState | 'none' }) {
  const [color, label] = REPORT[state];
  return (
    <Tag color={color} data-testid={`report-${state}`}>
      {label}
    </Tag>
  );
}

const TIMING: Record<ReportTiming, [string, string]> = { on_time: ['green', '按时'], late: ['orange', '迟报'], missing: ['red', '未报'], not_due: ['default', '未到期'] };
export function TimingTag({ timing }: { timing: ReportTiming }) {
  const [color, label] = TIMING[timing];
  return <Tag color={color}>{label}</Tag>;
}

/** Two places for display, trailing zeros dropped. */
export const show = (v: string | null | undefined) => {
  if (v === null || v === undefined) return '—';
  const n = Number(v);
  return Number.isFinite(n) ? String(Math.round(n * 100) / 100) : v;
};
