import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { download, ApiError } from '../../lib/api';
import { Page } from '../../components/page';
import { ExcelImport } from '../../components/excel-import';
import { useCan, useMe } from '../../app/session';
import { filterQuery, useLedgerItems, useLedgerMeta, type LedgerFilter } from './api';
import { ColourTag } from './colour-tag';
import { NewItemDrawer } from './new-item';
import { StatsPanel } from './stats-panel';
import { COLOUR_LABELS, PRIORITY_LABELS, STATE_COLORS, STATE_LABELS, type LedgerItem } from './types';

/** 督查督办台账: the organiser's whole ledger, a unit's inbox, or a leader's overseen units — one list, scoped by the server. */
export function LedgerListPage() {
  const can = useCan();
  const me = useMe();
  const manage = can('ledger.manage');
  const leader = me.user.roles.includes('leader');
  const [filter, setFilter] = useState<LedgerFilter>({});
  const [open, setOpen] = useState(false);
  const items = useLedgerItems(filter);
  const meta = useLedgerMeta();
  const client = useQueryClient();
  const { message } = App.useApp();
  const set = (patch: LedgerFilter) => setFilter((f) => ({ ...f, ...patch }));
  const title = manage ? '督查督办台账' : leader ? '分管单位督办事项' : '我单位督办事项';
  const exportExcel = async () => {
    try {
      await download(`/ledger/export${filterQuery(filter)}`);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '导出失败');
    }
  };

  const table = (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search placeholder="搜索事项标题" allowClear style={{ width: 220 }} onSearch={(q) => set({ q: q || undefined })} />
        <Select placeholder="状态" allowClear style={{ width: 120 }} options={Object.entries(STATE_LABELS).map(([value, label]) => ({ value, label }))} onChange={(state?: string) => set({ state })} data-testid="filter-state" />
        <Select placeholder="亮灯" allowClear style={{ width: 110 }} options={Object.entries(COLOUR_LABELS).map(([value, label]) => ({ value, label }))} onChange={(colour?: string) => set({ colour })} data-testid="filter-colour" />
        <Select placeholder="来源" allowClear style={{ width: 120 }} options={(meta.data?.sources ?? []).map((s) => ({ value: s, label: s }))} onChange={(source?: string) => set({ source })} />
        <Select placeholder="单位" allowClear showSearch optionFilterProp="label" style={{ width: 200 }} options={(meta.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))} onChange={(unitId?: number) => set({ unitId })} />
        <Select placeholder="责任领导" allowClear style={{ width: 120 }} options={(meta.data?.leaders ?? []).map((l) => ({ value: l.id, label: l.name }))} onChange={(leaderId?: number) => set({ leaderId })} />
      </Flex>
      <Table<LedgerItem>
        rowKey="id"
        size="middle"
        loading={items.isLoading}
        dataSource={items.data ?? []}
        pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 项` }}
        columns={[
          {
            title: '事项',
            dataIndex: 'title',
            render: (t: string, i) => (
              <Space direction="vertical" size={0}>
                <Link to={`/ledger/items/${i.id}`}>{t}</Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {i.source}
                  {i.priority !== 'normal' && ` · ${PRIORITY_LABELS[i.priority]}`}
                  {i.subItemCount > 0 && ` · ${i.subItemCount} 个子事项`}
                </Typography.Text>
              </Space>
            ),
          },
          { title: '牵头单位', width: 170, render: (_, i) => i.leadUnit.name },
          { title: '责任领导', width: 90, render: (_, i) => i.leader?.name ?? '—' },
          { title: '完成期限', dataIndex: 'deadline', width: 110, sorter: (a, b) => a.deadline.localeCompare(b.deadline) },
          { title: '状态', dataIndex: 'state', width: 100, render: (s: LedgerItem['state']) => <Tag color={STATE_COLORS[s]}>{STATE_LABELS[s]}</Tag> },
          { title: '亮灯', width: 130, render: (_, i) => <ColourTag colour={i.colour} daysOverdue={i.daysOverdue} daysLeft={i.daysLeft} />, sorter: (a, b) => a.daysOverdue - b.daysOverdue },
        ]}
      />
    </>
  );

  return (
    <Page
      title={title}
      subtitle="清单化管理 · 销号管理 · 问题限期见底清零"
      extra={
        <>
          {manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="new-ledger-item">
              交办事项
            </Button>
          )}
          {manage && (
            <ExcelImport
              title="批量导入"
              templateUrl="/ledger/import/template"
              importUrl="/ledger/import"
              describeResult={(r) => `已导入 ${(r as { created: number }).created} 个督办事项`}
              onImported={() => void client.invalidateQueries({ queryKey: ['ledger'] })}
            />
          )}
          <Button icon={<DownloadOutlined />} onClick={() => void exportExcel()}>
            导出台账
          </Button>
        </>
      }
    >
      <Tabs items={[{ key: 'list', label: '事项清单', children: table }, { key: 'stats', label: '统计与通报', children: <StatsPanel /> }]} />
      {manage && <NewItemDrawer open={open} onClose={() => setOpen(false)} />}
    </Page>
  );
}
