import { useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Alert, Empty, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { mineQuery } from './api/get-mine';
import { recordQuery } from './api/get-record';
import { RecordView } from './record-view';

/** A cadre's record, opened from the register (the organisation department). */
export function RecordPage() {
  const id = Number(useParams().id);
  return <Record id={id} />;
}

/** The signed-in person's own record, if the register links their account. */
export function MinePage() {
  const { t } = useTranslation('cadres');
  const mine = useQuery(mineQuery());
  if (mine.isLoading) return <Spin />;
  if (mine.data?.id == null) return <Empty description={t('record.noRecord')} />;
  return <Record id={mine.data.id} />;
}

function Record({ id }: { id: number }) {
  const record = useQuery(recordQuery(id));
  if (record.isLoading) return <Spin />;
  if (record.error) return <Alert type="error" showIcon message={record.error.message} />;
  return record.data ? <RecordView record={record.data} /> : null;
}
