import { Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { EvaluationDetail, VersionView } from './api/types';

type Change = VersionView['changes'][number];

/** Published versions, newest first, each with who moved against the one before and by how much. */
export function VersionsPanel({ detail }: { detail: EvaluationDetail }) {
  const { t } = useTranslation('evaluation');
  if (detail.versions.length === 0) return <Empty />;
  const name = (id: string) => detail.scheme.components.find((c) => c.id === id)?.name ?? id;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {[...detail.versions].reverse().map((v) => (
        <Card
          key={v.version}
          size="small"
          title={t('versions.title', { version: v.version })}
          extra={t('versions.published', {
            at: dayjs(v.publishedAt).format('YYYY-MM-DD HH:mm'),
            who: v.publishedBy ?? '—',
          })}
        >
          {v.changes.length === 0 ? (
            <Typography.Text type="secondary">
              {t(v.version === 1 ? 'versions.noChange' : 'versions.unchanged')}
            </Typography.Text>
          ) : (
            <Table<Change>
              rowKey="unitId"
              size="small"
              pagination={false}
              title={() => t('versions.changes')}
              dataSource={v.changes}
              columns={[
                { title: t('columns.unit'), dataIndex: 'unitName' },
                {
                  title: t('columns.rank'),
                  render: (_, c) => `${c.before?.rank ?? '—'} → ${c.after?.rank ?? '—'}`,
                },
                {
                  title: t('columns.total'),
                  render: (_, c) => `${c.before?.totalShown ?? '—'} → ${c.after?.totalShown ?? '—'}`,
                },
                {
                  title: t('columns.grade'),
                  render: (_, c) =>
                    c.before?.grade === c.after?.grade
                      ? c.after?.grade
                      : `${c.before?.grade ?? '—'} → ${c.after?.grade ?? '—'}`,
                },
                {
                  title: t('columns.component'),
                  render: (_, c) =>
                    c.components.map((x) => `${name(x.componentId)} ${x.before ?? '—'} → ${x.after ?? '—'}`).join('；'),
                },
                {
                  title: t('columns.why'),
                  render: (_, c) => (c.appeals.length > 0 ? <Tag color="red">{c.reason}</Tag> : c.reason),
                },
              ]}
            />
          )}
        </Card>
      ))}
    </Space>
  );
}
