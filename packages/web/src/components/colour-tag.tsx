import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LedgerColour } from '@leitai/core';

/** antd tag colours of the traffic lights; the words are the ledger catalogue's (ledger:colours.*, ledger:light.*). */
const COLOUR_TAGS: Record<LedgerColour, string> = {
  green: 'green',
  yellow: 'gold',
  red: 'red',
  closed: 'default',
};

/** 亮灯: the colour with days overdue or left, the same words everywhere (the ledger, the arena brief and commitments). */
export function ColourTag({
  colour,
  daysOverdue,
  daysLeft,
  step,
}: {
  colour: LedgerColour;
  daysOverdue: number;
  daysLeft?: number | null;
  step?: boolean;
}) {
  const { t } = useTranslation('ledger');
  const text =
    colour === 'red'
      ? t('light.overdue', { count: daysOverdue })
      : colour === 'yellow'
        ? t('light.dueIn', { count: daysLeft ?? 0 })
        : colour === 'closed' && daysOverdue > 0
          ? t(step ? 'light.stepLate' : 'light.closedLate', { count: daysOverdue })
          : colour === 'closed' && step
            ? t('light.stepDone')
            : t(`colours.${colour}`);
  return (
    <Tag color={COLOUR_TAGS[colour]} data-testid={`colour-${colour}`}>
      {text}
    </Tag>
  );
}
