import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { App, Button, Empty, Flex, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { DownloadOutlined, LinkOutlined, TrophyOutlined } from '@ant-design/icons';
import { Page } from '../../components/page';
import { ApiError } from '../../lib/api';
import { exportRound, useRound, useRounds } from './api';
import { IdeaDrawer } from './idea-drawer';
import { NewRoundButton } from './new-round-button';
import { StatsTab } from './stats-tab';
import { StatusTag } from './status-tag';
import type { Idea } from './types';

/** 金点子 for the office, its leaders and unit heads: a round's ideas ranked by score, and its counts. */
export function SuggestionsOfficePage() {
  const { t } = useTranslation('suggestions');
  const { message } = App.useApp();
  const rounds = useRounds();
  const [roundId, setRoundId] = useState<number | null>(null);
  const [opened, setOpened] = useState<number | null>(null);
  useEffect(() => {
    if (roundId === null && rounds.data?.[0]) setRoundId(rounds.data[0].id);
  }, [rounds.data, roundId]);
  const q = useRound(roundId);
  const round = q.data?.round;
  const manages = rounds.data?.some((r) => r.manages) ?? false;
  const copyLink = (code: string) => {
    const url = `${window.location.origin}/s/${code}`;
    void navigator.clipboard?.writeText(url).then(() => message.success(t('office.copied')));
  };
  return (
    <Page
      title={t('office.title')}
      subtitle={t('office.subtitle')}
      extra={manages || rounds.data?.length === 0 ? <NewRoundButton onCreated={setRoundId} /> : undefined}
    >
      {rounds.data?.length === 0 && <Empty description={t('office.noRound')} />}
      {round && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Flex gap={8} wrap align="center">
            <Select
              aria-label={t('office.round')}
              style={{ minWidth: 260, maxWidth: '100%' }}
              value={roundId}
              onChange={setRoundId}
              options={(rounds.data ?? []).map((r) => ({ value: r.id, label: r.title }))}
            />
            <Tag color={round.open ? 'green' : 'default'}>{round.open ? t('office.open') : t('office.closed')}</Tag>
            <Typography.Text type="secondary">
              {t('office.period', { from: round.opensOn, to: round.closesOn })}
            </Typography.Text>
          </Flex>
          <Flex gap={8} wrap align="center" justify="space-between">
            <Typography.Text data-testid="round-summary">
              {t('office.summary', {
                total: round.total,
                adopted: round.adopted,
                topN: round.topN,
                max: round.maxTotal,
              })}
            </Typography.Text>
            <Flex gap={8} wrap>
              {round.publicCode && (
                <Button icon={<LinkOutlined />} onClick={() => copyLink(round.publicCode!)}>
                  {t('office.publicLink')}
                </Button>
              )}
              {round.manages && (
                <Button
                  icon={<DownloadOutlined />}
                  onClick={() =>
                    void exportRound(round.id).catch((e: Error) =>
                      message.error(e instanceof ApiError ? e.message : String(e)),
                    )
                  }
                >
                  {t('office.export')}
                </Button>
              )}
            </Flex>
          </Flex>
          <Tabs
            destroyOnHidden
            items={[
              {
                key: 'list',
                label: t('office.tabs.list'),
                children: <IdeaTable ideas={q.data?.suggestions ?? []} loading={q.isLoading} onOpen={setOpened} />,
              },
              ...(manages || round.manages
                ? [{ key: 'stats', label: t('office.tabs.stats'), children: <StatsTab roundId={round.id} /> }]
                : []),
            ]}
          />
        </Space>
      )}
      <IdeaDrawer id={opened} onClose={() => setOpened(null)} />
    </Page>
  );
}

function IdeaTable({ ideas, loading, onOpen }: { ideas: Idea[]; loading: boolean; onOpen: (id: number) => void }) {
  const { t } = useTranslation('suggestions');
  const [q, setQ] = useState('');
  // A search within the round's page already loaded: by title or proposer, nothing decided here.
  const shown = q ? ideas.filter((i) => i.title.includes(q) || i.proposerName.includes(q)) : ideas;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Input.Search allowClear placeholder={t('list.search')} onSearch={setQ} style={{ maxWidth: 320 }} />
      <Table<Idea>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={shown}
        scroll={{ x: 760 }}
        locale={{ emptyText: t('list.empty') }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        onRow={(r) => ({ onClick: () => onOpen(r.id), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: t('list.rank'),
            key: 'rank',
            width: 70,
            render: (_, r) =>
              r.rank === null ? (
                '—'
              ) : r.chosen ? (
                <Tag color="gold" icon={<TrophyOutlined />}>
                  {r.rank}
                </Tag>
              ) : (
                r.rank
              ),
          },
          {
            title: t('list.title'),
            key: 'title',
            render: (_, r) => (
              <Typography.Link data-testid={`idea-${r.id}`} onClick={() => onOpen(r.id)}>
                {r.title}
              </Typography.Link>
            ),
          },
          { title: t('list.proposer'), dataIndex: 'proposerName', width: 90 },
          { title: t('list.unit'), key: 'unit', width: 130, render: (_, r) => r.proposerUnitName ?? t('list.public') },
          {
            title: t('list.score'),
            key: 'score',
            width: 100,
            align: 'right',
            render: (_, r) => (r.score === null ? '—' : r.score),
          },
          { title: t('list.status'), key: 'status', width: 90, render: (_, r) => <StatusTag status={r.status} /> },
          { title: t('list.reward'), key: 'reward', width: 90, render: (_, r) => r.reward?.label ?? '' },
        ]}
      />
    </Space>
  );
}
