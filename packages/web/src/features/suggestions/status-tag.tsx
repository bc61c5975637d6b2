import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SuggestionStatus } from '@leitai/core';

const COLOURS: Record<SuggestionStatus, string> = {
  submitted: 'default',
  reviewing: 'processing',
  adopted: 'success',
  rejected: 'warning',
};

/** A suggestion's status, in one colour everywhere. */
export function StatusTag({ status }: { status: SuggestionStatus }) {
  const { t } = useTranslation('suggestions');
  return <Tag color={COLOURS[status]}>{t(`statuses.${status}`)}</Tag>;
}
