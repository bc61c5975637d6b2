import { Link } from 'react-router-dom';
import { Card, Empty, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { EvaluationDetail, RankingRow } from './api/types';

/** The ranking per category: grades, 进位/退位, 红黑榜, and (for the office) how stable each rank is. */
export function RankingPanel({ detail }: { detail: EvaluationDetail }) {
  const { t } = useTranslation('evaluation');
  if (!detail.ranking) return <Empty description={t('noRanking')} />;
  const id = detail.evaluation.id;
  const office = detail.ranking.some((c) => c.rows.some((r) => r.band !== null));
  // 较上期 only when there is a previous evaluation to compare with.
  const compared = detail.ranking.some((c) => c.rows.some((r) => r.rankChange !== null));
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {detail.ranking.map((c) => (
        <Card key={c.categoryId} title={c.categoryName} size="small">
          <Table<RankingRow>
            rowKey="unitId"
            size="small"
            pagination={false}
            dataSource={c.rows}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t('columns.rank'), dataIndex: 'rank', width: 56, align: 'center', fixed: 'left' },
              {
                title: t('columns.unit'),
                // A unit's name stays on one or two lines on a phone; the scores scroll beside it.
                width: 150,
                fixed: 'left',
                render: (_, r) =>
                  r.mayExplain ? <Link to={`/evaluations/${id}/units/${r.unitId}`}>{r.unitName}</Link> : r.unitName,
              },
              {
                title: t('columns.total'),
                dataIndex: 'totalShown',
                width: 96,
                align: 'right',
                render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
              },
              ...detail.scheme.components.map((comp) => ({
                title: comp.name,
                key: comp.id,
                width: 96,
                align: 'right' as const,
                render: (_: unknown, r: RankingRow) => r.components.find((x) => x.componentId === comp.id)?.scoreShown,
              })),
              { title: t('columns.grade'), dataIndex: 'grade', width: 72 },
              ...(compared
                ? [
                    {
                      title: t('columns.change'),
                      key: 'change',
                      width: 88,
                      render: (_: unknown, r: RankingRow) => <RankChange change={r.rankChange} />,
                    },
                  ]
                : []),
              {
                title: t('columns.lists'),
                width: 72,
                render: (_, r) =>
                  r.honour ? (
                    <Tag color="red">{t('honourTag')}</Tag>
                  ) : r.warning ? (
                    <Tag color="default">{t('warningTag')}</Tag>
                  ) : null,
              },
              ...(office
                ? [
                    {
                      title: <Tooltip title={t('bandHelp')}>{t('columns.band')}</Tooltip>,
                      key: 'band',
                      width: 120,
                      render: (_: unknown, r: RankingRow) =>
                        r.band && r.band.best === r.band.worst ? (
                          <Tag color="green">{t('bandSame')}</Tag>
                        ) : r.band ? (
                          <Tag color="orange">{t('bandRange', { best: r.band.best, worst: r.band.worst })}</Tag>
                        ) : null,
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      ))}
    </Space>
  );
}

export function RankChange({ change }: { change: number | null }) {
  const { t } = useTranslation('evaluation');
  if (change === null) return null;
  if (change > 0)
    return (
      <Typography.Text type="danger">
        <ArrowUpOutlined /> {t('up', { n: change })}
      </Typography.Text>
    );
  if (change < 0)
    return (
      <Typography.Text type="success">
        <ArrowDownOutlined /> {t('down', { n: -change })}
      </Typography.Text>
    );
  return <Typography.Text type="secondary">{t('same')}</Typography.Text>;
}
