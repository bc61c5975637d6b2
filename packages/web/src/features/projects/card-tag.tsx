import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProjectCard } from '@leitai/core';

// A project's card is a month's light: the colours are the lights' (components/warning-tag), the words 黄牌/红牌.
const TAG: Record<ProjectCard, string> = {
  green: 'success',
  yellow: 'warning',
  red: 'error',
  overdue: 'magenta',
  pending: 'default',
};

export function CardTag({ card }: { card: ProjectCard | null }) {
  const { t } = useTranslation('projects');
  if (!card) return null;
  return (
    <Tag color={TAG[card]} data-testid={`card-${card}`} style={{ marginInlineEnd: 0 }}>
      {t(`cards.${card}`)}
    </Tag>
  );
}
