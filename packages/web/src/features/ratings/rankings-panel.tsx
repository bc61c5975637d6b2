import { useState } from 'react';
import { App, Button, Form, Input, Popconfirm, Space, Table, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { PublishedRanking } from '@leitai/core';
import { ApiError } from '../../lib/api';
import { publishRanking } from './api/act';
import { ratingsKey } from './api/keys';
import { useRankings } from './api/get-rankings';

/**
 * 公开排名 (媒体问效): the office publishes the period's ranking as a new version; what is published is
 * never edited. Each version keeps its public address.
 */
export function RankingsPanel({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation('ratings');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { data, isLoading } = useRankings(true);
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const publish = async () => {
    setBusy(true);
    try {
      const r = await publishRanking({ from, to, ...(title.trim() ? { title: title.trim() } : {}) });
      message.success(t('rankings.published', { version: r.version }));
      setTitle('');
      await queryClient.invalidateQueries({ queryKey: ratingsKey });
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : t('failed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('rankings.intro')}</Typography.Paragraph>
      {data?.canPublish && (
        <Form layout="inline" onFinish={() => undefined}>
          <Form.Item label={t('rankings.title')} htmlFor="ranking-title" style={{ minWidth: 280, flex: 1 }}>
            <Input
              id="ranking-title"
              value={title}
              maxLength={60}
              placeholder={t('rankings.titlePlaceholder')}
              onChange={(e) => setTitle(e.target.value)}
            />
          </Form.Item>
          <Form.Item>
            <Popconfirm
              title={t('rankings.confirm', { from, to })}
              okText={t('rankings.publish')}
              onConfirm={() => void publish()}
            >
              <Button type="primary" loading={busy}>
                {t('rankings.publish')}
              </Button>
            </Popconfirm>
          </Form.Item>
        </Form>
      )}
      <Table<PublishedRanking>
        size="small"
        rowKey="id"
        loading={isLoading}
        dataSource={data?.rankings ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('rankings.none') }}
        columns={[
          { title: t('rankings.version'), width: 80, render: (_, r) => t('rankings.nth', { version: r.version }) },
          { title: t('rankings.title'), dataIndex: 'title', width: 300 },
          { title: t('range'), width: 200, render: (_, r) => `${r.from} ~ ${r.to}` },
          { title: t('rankings.units'), width: 80, render: (_, r) => r.rows.length },
          {
            title: t('rankings.at'),
            width: 170,
            render: (_, r) => dayjs(r.publishedAt).format('YYYY-MM-DD HH:mm'),
          },
          {
            title: t('rankings.link'),
            width: 110,
            render: (_, r) => (
              <a href={`/p/ranking/${r.id}`} target="_blank" rel="noreferrer">
                {t('rankings.open')}
              </a>
            ),
          },
        ]}
      />
    </Space>
  );
}
