import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportState, ReportTiming } from '@leitai/core';

const REPORT: Record<ReportState | 'none', string> = {
  none: 'default',
  draft: 'processing',
  submitted: 'blue',
  returned: 'error',
  accepted: 'success',
};
export function ReportStateTag({ state }: { state: ReportState | 'none' }) {
  const { t } = useTranslation('dispatch');
  return (
    <Tag color={REPORT[state]} data-testid={`report-${state}`}>
      {t(`reportState.${state}`)}
    </Tag>
  );
}

const TIMING: Record<ReportTiming, string> = { on_time: 'green', late: 'orange', missing: 'red', not_due: 'default' };
export function TimingTag({ timing }: { timing: ReportTiming }) {
  const { t } = useTranslation('dispatch');
  return <Tag color={TIMING[timing]}>{t(`timing.${timing}`)}</Tag>;
}

/** Two places for display, trailing zeros dropped. */
export const show = (v: string | null | undefined) => {
  if (v === null || v === undefined) return '—';
  const n = Number(v);
  return Number.isFinite(n) ? String(Math.round(n * 100) / 100) : v;
};
