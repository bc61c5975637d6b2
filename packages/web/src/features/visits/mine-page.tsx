import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { Page } from '../../components/page';
import { useMyVisits } from './api';
import { VisitDrawer } from './visit-drawer';
import type { MyVisits } from './types';

type Enterprise = MyVisits['enterprises'][number];

/** 我的走访, made for a phone: the enterprises assigned to me (least recently visited first), and my visits. */
export function MyVisitsPage() {
  const { t } = useTranslation('visits');
  const q = useMyVisits();
  const [visiting, setVisiting] = useState<Enterprise | null>(null);
  const list = q.data?.enterprises ?? [];
  return (
    <Page title={t('mine.title')} subtitle={q.data ? t('mine.subtitle', { count: list.length }) : undefined}>
      <List<Enterprise>
        loading={q.isLoading}
        dataSource={list}
        locale={{ emptyText: <Empty description={t('mine.empty')} /> }}
        grid={{ gutter: 12, xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
        pagination={list.length > 12 ? { pageSize: 12, size: 'small', showSizeChanger: false } : false}
        renderItem={(e) => (
          <List.Item>
            <Card size="small" data-testid={`my-enterprise-${e.id}`}>
              <Space direction="vertical" size={4} style={{ width: '100%' }}>
                <Typography.Text strong>{e.name}</Typography.Text>
                <Space size={4} wrap>
                  <Tag>{t(`scales.${e.scale}`)}</Tag>
                  {e.industry && <Tag>{e.industry}</Tag>}
                  {e.role === 'leader' && <Tag color="gold">{t('roles.leader')}</Tag>}
                </Space>
                <Typography.Text type="secondary">
                  {[e.streetName, e.address].filter(Boolean).join(' ')}
                </Typography.Text>
                <Typography.Text type={e.lastVisit ? 'secondary' : 'warning'}>
                  {e.lastVisit ? t('mine.lastVisit', { date: e.lastVisit }) : t('mine.never')}
                </Typography.Text>
                <Button type="primary" block onClick={() => setVisiting(e)}>
                  {t('mine.record')}
                </Button>
              </Space>
            </Card>
          </List.Item>
        )}
      />
      {(q.data?.visits.length ?? 0) > 0 && (
        <Card size="small" title={t('mine.recent')} style={{ marginTop: 16 }}>
          <List
            size="small"
            dataSource={q.data?.visits.slice(0, 10)}
            renderItem={(v) => (
              <List.Item>
                <Space direction="vertical" size={0}>
                  <Typography.Text>
                    {v.visitedOn} {v.enterpriseName}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    {v.forms.map((f) => t(`forms.${f}`)).join('、')}
                    {v.requests > 0 && ` · ${t('mine.requestCount', { count: v.requests })}`}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      )}
      <VisitDrawer enterprise={visiting} onClose={() => setVisiting(null)} />
    </Page>
  );
}
