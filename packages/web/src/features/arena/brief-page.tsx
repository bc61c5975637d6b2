import { Link, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Result as AntResult, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ArenaBriefRow, WarningState } from '@leitai/core';
import { briefQuery } from './api/get-brief';
import { exportBrief } from './api/export-brief';
import { Page } from '../../components/page';
import { ColourTag } from '../../components/colour-tag';
import { WARNING_COLOURS } from '../../components/warning-tag';

const LIGHTS: readonly WarningState[] = ['green', 'yellow', 'red', 'overdue', 'pending'];

/** 赛前简报: each contestant's lights, supervised items and earlier promises, for the office before the arena. */
export function BriefPage() {
  const { t } = useTranslation(['arena', 'dispatch']);
  const id = Number(useParams().id);
  const { message } = App.useApp();
  const q = useQuery(briefQuery(id));
  if (q.error) return <AntResult status="warning" title={q.error.message} />;
  if (!q.data) return <Card loading />;
  const { arena, rows } = q.data;
  return (
    <Page
      title={t('brief.title', { title: arena.title })}
      subtitle={t('brief.subtitle', { date: arena.heldOn })}
      extra={
        <Space>
          <Button onClick={() => void exportBrief(id).catch((e: Error) => message.error(e.message))}>
            {t('brief.exportWord')}
          </Button>
          <Link to={`/arenas/${id}/host`}>{t('list.host')}</Link>
        </Space>
      }
    >
      <Table<ArenaBriefRow>
        rowKey="contestantId"
        size="middle"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 900 }}
        data-testid="brief"
        columns={[
          { title: t('result.unit'), dataIndex: 'unitName', width: 160 },
          {
            title: t('brief.dispatch'),
            width: 260,
            render: (_, r) =>
              r.dispatch === null ? (
                <Typography.Text type="secondary">{t('brief.noDispatch')}</Typography.Text>
              ) : (
                <Space size={4} wrap>
                  <Typography.Text type="secondary">{r.dispatch.period}</Typography.Text>
                  {LIGHTS.filter((s) => r.dispatch!.counts[s] > 0).map((s) => (
                    <Tag key={s} color={WARNING_COLOURS[s]} data-testid={`brief-${s}`}>
                      {t(`dispatch:warning.${s}`)} {r.dispatch!.counts[s]}
                    </Tag>
                  ))}
                </Space>
              ),
          },
          {
            title: t('brief.ledger'),
            width: 150,
            render: (_, r) => t('brief.ledgerCounts', { open: r.ledger.open, overdue: r.ledger.overdue }),
          },
          {
            title: t('brief.commitments'),
            render: (_, r) =>
              r.commitments.length === 0 ? (
                '—'
              ) : (
                <Space direction="vertical" size={2}>
                  {r.commitments.map((c) => (
                    <span key={c.id}>
                      <ColourTag colour={c.colour} daysOverdue={c.daysOverdue} />{' '}
                      <Link to={`/ledger/items/${c.id}`}>{c.title}</Link>
                      <Typography.Text type="secondary"> · {c.arena}</Typography.Text>
                    </span>
                  ))}
                </Space>
              ),
          },
        ]}
      />
    </Page>
  );
}
