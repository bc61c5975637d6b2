import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Flex, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { REQUEST_STAGES, type RequestStage } from '@leitai/core';
import { useRequests, type RequestFilter } from './api';
import { DispatchButton } from './dispatch-button';
import { MergeButton } from './merge-button';
import type { RequestRow } from './types';

const STAGE_COLOURS: Record<RequestStage, string> = {
  registered: 'default',
  dispatched: 'blue',
  handling: 'processing',
  answered: 'orange',
  rated: 'green',
  called_back: 'green',
};

/** 企业诉求: every 诉求 carried on (merged copies count under their survivor), newest first, with its next steps. */
export function RequestsTab() {
  const { t } = useTranslation('visits');
  const [f, setF] = useState<RequestFilter>({ page: 1 });
  const q = useRequests(f);
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          placeholder={t('requests.search')}
          allowClear
          style={{ width: 240 }}
          onSearch={(text) => setF({ ...f, q: text || undefined, page: 1 })}
        />
        <Select
          allowClear
          aria-label={t('requests.stage')}
          placeholder={t('requests.allStages')}
          style={{ width: 140 }}
          options={REQUEST_STAGES.map((value) => ({ value, label: t(`stages.${value}`) }))}
          onChange={(stage?: RequestStage) => setF({ ...f, stage, page: 1 })}
        />
      </Flex>
      <Table<RequestRow>
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={q.data?.items}
        scroll={{ x: 1100 }}
        pagination={{
          current: f.page,
          pageSize: 20,
          total: q.data?.total,
          showSizeChanger: false,
          onChange: (page) => setF({ ...f, page }),
        }}
        columns={[
          { title: t('requests.enterprise'), dataIndex: 'enterpriseName', width: 220 },
          {
            title: t('requests.category'),
            key: 'category',
            width: 100,
            render: (_, r) => t(`categories.${r.category}`),
          },
          {
            title: t('requests.content'),
            key: 'content',
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <span>{r.content}</span>
                {r.mergedCount > 0 && (
                  <Typography.Text type="secondary">{t('requests.merged', { count: r.mergedCount })}</Typography.Text>
                )}
              </Space>
            ),
          },
          { title: t('requests.raised'), dataIndex: 'raisedOn', width: 105 },
          {
            title: t('requests.raisedBy'),
            key: 'by',
            width: 90,
            render: (_, r) => (r.channel === 'hotline' ? t('requests.hotline') : (r.raisedByName ?? '—')),
          },
          {
            title: t('requests.stage'),
            key: 'stage',
            width: 80,
            render: (_, r) => <Tag color={STAGE_COLOURS[r.stage]}>{t(`stages.${r.stage}`)}</Tag>,
          },
          { title: t('requests.lead'), key: 'lead', width: 130, render: (_, r) => r.leadUnitName ?? '—' },
          { title: t('requests.deadline'), key: 'deadline', width: 105, render: (_, r) => r.deadline ?? '—' },
          {
            title: '',
            key: 'actions',
            width: 170,
            render: (_, r) => (
              <Space size={4} wrap>
                {r.actions.dispatch && <DispatchButton request={r} />}
                {r.actions.merge && <MergeButton request={r} />}
                {r.rateLink && r.ledgerItemId !== null && (
                  <Typography.Link href={r.rateLink} target="_blank" data-testid={`rate-link-${r.id}`}>
                    {t('requests.rateLink')}
                  </Typography.Link>
                )}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
