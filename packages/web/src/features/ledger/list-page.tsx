import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LEDGER_COLOURS, LEDGER_STATES } from '@leitai/core';
import { App, Button, Flex, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { ApiError } from '../../lib/api';
import { Page } from '../../components/page';
import { ExcelImport } from '../../components/excel-import';
import { useCan, useMe } from '../../lib/session';
import { ledgerKey } from './api/keys';
import { useLedgerItems, type LedgerFilter } from './api/get-items';
import { useLedgerMeta } from './api/get-meta';
import { exportItems } from './api/export-items';
import { ColourTag } from '../../components/colour-tag';
import { useNarrow } from '../../components/use-narrow';
import { NewItemDrawer } from './new-item';
import { LedgerSettingsButton } from './settings-button';
import { CloseOutSettingsButton } from './close-out-settings';
import { StatsPanel } from './stats-panel';
import { isSource } from './messages';
import { STATE_COLORS, type LedgerItem } from './types';

/** 督查督办台账: the organiser's whole ledger, a unit's inbox, or a leader's overseen units — one list, scoped by the server. */
export function LedgerListPage() {
  const can = useCan();
  const me = useMe();
  const manage = can('ledger.manage');
  const leader = me.user.roles.includes('leader');
  // The home page's to-dos open the list with their filter in the query (?state=, ?colour=, ?extension=).
  const [params] = useSearchParams();
  const [filter, setFilter] = useState<LedgerFilter>(() => fromParams(params));
  const [open, setOpen] = useState(false);
  const items = useLedgerItems(filter);
  const meta = useLedgerMeta();
  const client = useQueryClient();
  const { message } = App.useApp();
  const { t } = useTranslation('ledger');
  const sourceName = (s: string) => (isSource(s) ? t(`sources.${s}`) : s);
  // On a phone the table keeps two columns, the item and its state and light, so neither scrolls out of view.
  const narrow = useNarrow();
  const set = (patch: LedgerFilter) => setFilter((f) => ({ ...f, ...patch }));
  const title = t(manage ? 'list.title.manage' : leader ? 'list.title.leader' : 'list.title.unit');
  const exportExcel = async () => {
    try {
      await exportItems(filter);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : t('list.exportFailed'));
    }
  };

  const table = (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          placeholder={t('list.search')}
          allowClear
          style={{ width: 220 }}
          onSearch={(q) => set({ q: q || undefined })}
        />
        <Select
          placeholder={t('fields.state')}
          allowClear
          style={{ width: 120 }}
          options={LEDGER_STATES.map((value) => ({ value, label: t(`states.${value}`) }))}
          defaultValue={filter.state}
          onChange={(state?: string) => set({ state })}
          data-testid="filter-state"
        />
        <Select
          placeholder={t('fields.light')}
          allowClear
          style={{ width: 110 }}
          options={LEDGER_COLOURS.map((value) => ({ value, label: t(`colours.${value}`) }))}
          defaultValue={filter.colour}
          onChange={(colour?: string) => set({ colour })}
          data-testid="filter-colour"
        />
        <Select
          placeholder={t('fields.source')}
          allowClear
          style={{ width: 120 }}
          options={(meta.data?.sources ?? []).map((s) => ({ value: s, label: sourceName(s) }))}
          onChange={(source?: string) => set({ source })}
        />
        <Select
          placeholder={t('fields.unit')}
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 200 }}
          options={(meta.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
          onChange={(unitId?: number) => set({ unitId })}
        />
        <Select
          placeholder={t('list.leader')}
          allowClear
          style={{ width: 120 }}
          options={(meta.data?.leaders ?? []).map((l) => ({ value: l.id, label: l.name }))}
          onChange={(leaderId?: number) => set({ leaderId })}
        />
        {filter.extension && (
          <Tag closable color="orange" onClose={() => set({ extension: undefined })} data-testid="filter-extension">
            {t('list.extensionPending')}
          </Tag>
        )}
      </Flex>
      <Table<LedgerItem>
        scroll={narrow ? undefined : { x: 1000 }}
        rowKey="id"
        size="middle"
        loading={items.isLoading}
        dataSource={items.data ?? []}
        pagination={{ pageSize: 20, showTotal: (n) => t('list.total', { count: n }) }}
        columns={[
          {
            title: t('fields.item'),
            dataIndex: 'title',
            render: (title: string, i) => (
              <Space direction="vertical" size={0}>
                <Link to={`/ledger/items/${i.id}`}>{title}</Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {sourceName(i.source)}
                  {i.priority !== 'normal' && ` · ${t(`priorities.${i.priority}`)}`}
                  {i.subItemCount > 0 &&
                    ` · ${t('list.subItems', { count: i.subItemCount, closed: i.subItemsClosed })}`}
                  {narrow && ` · ${i.leadUnit.name} · ${i.deadline}`}
                </Typography.Text>
              </Space>
            ),
          },
          ...(narrow
            ? []
            : [
                { title: t('fields.leadUnit'), width: 170, render: (_: unknown, i: LedgerItem) => i.leadUnit.name },
                { title: t('list.leader'), width: 90, render: (_: unknown, i: LedgerItem) => i.leader?.name ?? '—' },
                {
                  title: t('fields.deadline'),
                  dataIndex: 'deadline',
                  width: 110,
                  sorter: (a: LedgerItem, b: LedgerItem) => a.deadline.localeCompare(b.deadline),
                },
              ]),
          {
            title: narrow ? t('list.stateAndLight') : t('fields.state'),
            dataIndex: 'state',
            width: narrow ? 96 : 100,
            render: (s: LedgerItem['state'], i: LedgerItem) => (
              <Space direction="vertical" size={4} align="end" data-testid={`state-light-${i.id}`}>
                <Tag color={STATE_COLORS[s]} style={{ marginInlineEnd: 0 }}>
                  {t(`states.${s}`)}
                </Tag>
                {narrow && <ColourTag colour={i.colour} daysOverdue={i.daysOverdue} daysLeft={i.daysLeft} />}
              </Space>
            ),
          },
          ...(narrow
            ? []
            : [
                {
                  title: t('fields.light'),
                  width: 130,
                  render: (_: unknown, i: LedgerItem) => (
                    <ColourTag colour={i.colour} daysOverdue={i.daysOverdue} daysLeft={i.daysLeft} />
                  ),
                  sorter: (a: LedgerItem, b: LedgerItem) => a.daysOverdue - b.daysOverdue,
                },
              ]),
        ]}
      />
    </>
  );

  return (
    <Page
      title={title}
      subtitle={t('list.subtitle')}
      extra={
        <>
          {manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="new-ledger-item">
              {t('list.assign')}
            </Button>
          )}
          {manage && (
            <ExcelImport
              title={t('list.import')}
              templateUrl="/ledger/import/template"
              importUrl="/ledger/import"
              describeResult={(r) => t('list.imported', { count: (r as { created: number }).created })}
              onImported={() => void client.invalidateQueries({ queryKey: ledgerKey })}
            />
          )}
          <Button icon={<DownloadOutlined />} onClick={() => void exportExcel()}>
            {t('list.export')}
          </Button>
          {manage && <LedgerSettingsButton />}
          {manage && <CloseOutSettingsButton />}
        </>
      }
    >
      <Tabs
        items={[
          { key: 'list', label: t('list.tabs.list'), children: table },
          { key: 'stats', label: t('list.tabs.stats'), children: <StatsPanel /> },
        ]}
      />
      {manage && <NewItemDrawer open={open} onClose={() => setOpen(false)} />}
    </Page>
  );
}

/** The filter a link brings (only the values the list knows; anything else is ignored). */
function fromParams(params: URLSearchParams): LedgerFilter {
  const state = params.get('state') ?? undefined;
  const colour = params.get('colour') ?? undefined;
  return {
    ...(state && (LEDGER_STATES as readonly string[]).includes(state) ? { state } : {}),
    ...(colour && (LEDGER_COLOURS as readonly string[]).includes(colour) ? { colour } : {}),
    ...(params.get('extension') === 'pending' ? { extension: 'pending' } : {}),
  };
}
