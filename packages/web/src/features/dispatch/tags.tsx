import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { shownDecimal, type ReportState, type ReportTiming } from '@leitai/core';

const REPORT: Record<ReportState | 'none', string> = {
  none: 'default',
  draft: 'processing',
  handed_off: 'gold',
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

/**
 * An exact decimal the user entered (a target, a reported figure) at two places, trailing zeros
 * dropped, by core's one rule (half away from zero on the decimal digits, no float). Computed figures
 * come from the server already shown (`cell.shown`): they are never rounded here.
 */
export const show = (v: string | null | undefined) => {
  if (v === null || v === undefined) return '—';
  try {
    return shownDecimal(v);
  } catch {
    return v;
  }
};
