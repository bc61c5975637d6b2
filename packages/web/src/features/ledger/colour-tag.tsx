import { Tag } from 'antd';
import type { LedgerColour } from '@leitai/core';
import { COLOUR_LABELS, COLOUR_TAGS } from './types';

/** 亮灯: the colour with days overdue or left, the same words everywhere. */
export function ColourTag({ colour, daysOverdue, daysLeft, step }: { colour: LedgerColour; daysOverdue: number; daysLeft?: number | null; step?: boolean }) {
  const done = step ? '已完成' : COLOUR_LABELS.closed;
  const text =
    colour === 'closed' && daysOverdue === 0
      ? done
      : colour === 'red' ? `逾期 ${daysOverdue} 天` : colour === 'yellow' ? `临期 ${daysLeft ?? 0} 天` : colour === 'closed' ? `逾期 ${daysOverdue} 天${step ? '完成' : '办结'}` : COLOUR_LABELS[colour];
  return (
    <Tag color={COLOUR_TAGS[colour]} data-testid={`colour-${colour}`}>
      {text}
    </Tag>
  );
}
