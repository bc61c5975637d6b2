import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Button, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { arenasQuery } from './api/get-arenas';
import { Page } from '../../components/page';
import { useCan } from '../../lib/session';
import { CreateDrawer } from './create-drawer';
import { STATUS_COLOR, type ArenaSummary } from './types';

/** 擂台赛 list; organisers create an arena here and go to its host console. */
export function ArenaListPage() {
  const { t } = useTranslation(['arena', 'common']);
  const can = useCan();
  const [open, setOpen] = useState(false);
  const list = useQuery(arenasQuery());
  const manage = can('arena.manage');
  const rows = list.data ?? [];
  // An office lists its own arenas and those of the offices below it: then a column says whose each is.
  const offices = [...new Map(rows.map((a) => [a.office.id, a.office.name])).entries()];
  return (
    <Page
      title={t('menu.list')}
      subtitle={t('common:app.tagline')}
      extra={
        manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="new-arena">
            {t('list.create')}
          </Button>
        )
      }
    >
      <Table
        scroll={{ x: 900 }}
        rowKey="id"
        loading={list.isLoading}
        dataSource={rows}
        columns={[
          { title: t('list.title'), dataIndex: 'title', width: 220 },
          { title: t('create.kind'), dataIndex: 'kindLabel', width: 120 },
          ...(offices.length > 1
            ? [
                {
                  title: t('list.office'),
                  dataIndex: ['office', 'name'],
                  width: 120,
                  filters: offices.map(([id, name]) => ({ text: name, value: id })),
                  onFilter: (value: unknown, a: ArenaSummary) => a.office.id === value,
                },
              ]
            : []),
          {
            title: t('list.campaign'),
            dataIndex: 'campaign',
            render: (c: ArenaSummary['campaign']) => c?.name ?? t('list.noCampaign'),
          },
          { title: t('list.heldOn'), dataIndex: 'heldOn', width: 120 },
          { title: t('list.contestants'), dataIndex: 'contestants', width: 80 },
          {
            title: t('list.status'),
            dataIndex: 'status',
            width: 100,
            render: (s: ArenaSummary['status']) => <Tag color={STATUS_COLOR[s]}>{t(`status.${s}`)}</Tag>,
          },
          { title: t('list.seed'), dataIndex: 'seed', width: 140, render: (s: string | null) => s ?? '—' },
          {
            title: '',
            width: 180,
            render: (_: unknown, a: ArenaSummary) => (
              <Space>
                {a.manageable && <Link to={`/arenas/${a.id}/brief`}>{t('list.brief')}</Link>}
                {a.manageable && <Link to={`/arenas/${a.id}/host`}>{t('list.host')}</Link>}
                {(a.manageable || a.status === 'finished') && (
                  <Link to={`/arenas/${a.id}/result`}>{t('list.result')}</Link>
                )}
              </Space>
            ),
          },
        ]}
      />
      {manage && <CreateDrawer open={open} onClose={() => setOpen(false)} />}
    </Page>
  );
}
