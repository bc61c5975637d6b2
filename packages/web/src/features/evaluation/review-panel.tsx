import { useState } from 'react';
import { App, Button, Card, Empty, InputNumber, Progress, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { evaluationsKey } from './api/queries';
import { downloadInvites, getReviewProgress, type ReviewProgress } from './api/review';
import type { EvaluationDetail } from './api/types';

/** 评议 for the office: the questionnaire, invitations issued per group (an Excel of links), and progress. */
export function ReviewPanel({ detail }: { detail: EvaluationDetail }) {
  const { t } = useTranslation('evaluation');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const id = detail.evaluation.id;
  const component = detail.scheme.components.find((c) => c.source.kind === 'review');
  const office = detail.actions.length > 0;
  const progress = useQuery({
    queryKey: [...evaluationsKey, id, 'review'],
    queryFn: () => getReviewProgress(id),
    enabled: office && component !== undefined,
  });
  const [counts, setCounts] = useState<Record<string, number>>({});
  if (!component || component.source.kind !== 'review') return <Empty description={t('review.none')} />;
  const q = component.source.questionnaire;
  const open = detail.evaluation.state === 'draft';

  const issue = async (groupId: string) => {
    try {
      await downloadInvites(id, groupId, counts[groupId] ?? 10);
      await queryClient.invalidateQueries({ queryKey: [...evaluationsKey, id, 'review'] });
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : t('failed'));
    }
  };
  type Row = ReviewProgress['groups'][number];
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title={t('review.questionnaire', { name: component.name })}>
        <Space wrap>
          {q.items.map((i) => (
            <Tag key={i.id}>
              {i.text} {String(i.points)}
            </Tag>
          ))}
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('review.rules', { min: q.minRespondents })}
        </Typography.Paragraph>
      </Card>
      {office && (
        <Table<Row>
          rowKey="id"
          size="small"
          pagination={false}
          loading={progress.isLoading}
          dataSource={progress.data?.groups ?? []}
          columns={[
            { title: t('review.group'), dataIndex: 'name' },
            { title: t('columns.weight'), dataIndex: 'weight', width: 80 },
            {
              title: t('review.progress'),
              width: 260,
              render: (_, g) => (
                <Space direction="vertical" size={0} style={{ width: '100%' }}>
                  <Progress
                    percent={g.issued === 0 ? 0 : Math.round((g.used / g.issued) * 100)}
                    status={g.enough ? 'success' : 'active'}
                    size="small"
                  />
                  <Typography.Text type={g.enough ? 'success' : 'secondary'}>
                    {t('review.counts', { used: g.used, issued: g.issued, min: progress.data?.minRespondents ?? 0 })}
                  </Typography.Text>
                </Space>
              ),
            },
            ...(open
              ? [
                  {
                    title: t('review.issue'),
                    key: 'issue',
                    width: 220,
                    render: (_: unknown, g: Row) => (
                      <Space>
                        <InputNumber
                          aria-label={`${g.name}${t('review.count')}`}
                          min={1}
                          max={2000}
                          value={counts[g.id] ?? 10}
                          onChange={(v) => setCounts((c) => ({ ...c, [g.id]: v ?? 1 }))}
                        />
                        <Button icon={<DownloadOutlined />} onClick={() => void issue(g.id)}>
                          {t('review.issueButton')}
                        </Button>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
    </Space>
  );
}
