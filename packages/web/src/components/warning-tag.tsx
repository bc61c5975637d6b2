import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WarningState } from '@leitai/core';

// Colours only: the words are the catalogue's, keyed by the same states.
const WARNING: Record<WarningState, string> = {
  green: 'success',
  yellow: 'warning',
  red: 'error',
  overdue: 'magenta',
  pending: 'default',
};

/** 红黄绿灯, the same words on the board, the unit page and the bulletin (dispatch:warning.*). */
export function WarningTag({ state }: { state: WarningState }) {
  const { t } = useTranslation('dispatch');
  return (
    <Tag color={WARNING[state]} data-testid={`warning-${state}`} style={{ marginInlineEnd: 0 }}>
      {t(`warning.${state}`)}
    </Tag>
  );
}

/** The lights as chart and tag colours (the trend chart, the arena brief). */
export const WARNING_COLOURS: Record<WarningState, string> = {
  green: '#52c41a',
  yellow: '#faad14',
  red: '#f5222d',
  overdue: '#c41d7f',
  pending: '#bfbfbf',
};
