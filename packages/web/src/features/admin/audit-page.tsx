import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Descriptions, Flex, Input, Select, Table, Typography } from 'antd';
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ParseKeys } from 'i18next';
import { Page } from '../../components/page';
import { useNarrow } from '../../components/use-narrow';
import { ApiError } from '../../lib/api';
import type { AuditEntry } from './types';
import { auditActionsQuery } from './api/get-audit-actions';
import { auditQuery, type AuditFilter as Filter } from './api/get-audit';
import { verifyAudit } from './api/verify-audit';
import { exportAudit } from './api/export-audit';

/** admin:audit.actions is keyed by the log's action codes (`auth.login` → audit.actions.auth.login). */
type ActionKey = Extract<ParseKeys<'admin'>, `audit.actions.${string}`>;

/** Why the chain broke, as the server says it, → admin:audit.reasons.* */
const PAGE_SIZE = 50;
const json = (v: unknown) => (v === null || v === undefined ? '—' : JSON.stringify(v, null, 2));

/**
 * 审计日志 for the audit admin: filter by actor, action, target and time; see each change's before and
 * after; export what is filtered; verify the hash chain. Entries are never changed or deleted.
 */
export function AuditPage() {
  const { message } = App.useApp();
  const { t, i18n } = useTranslation(['admin', 'common']);
  const narrow = useNarrow();
  const width = (w: number) => ({ width: narrow ? '100%' : w });
  const actionLabel = (code: string) => {
    const key = `audit.actions.${code}`;
    // Later features log codes this catalogue does not know yet: those show as they are.
    return i18n.exists(key, { ns: 'admin' }) ? t('audit.actionWithCode', { label: t(key as ActionKey), code }) : code;
  };
  const [filter, setFilter] = useState<Filter>({});
  const [page, setPage] = useState(1);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const actions = useQuery(auditActionsQuery());
  const list = useQuery(auditQuery(filter, page, PAGE_SIZE));
  const verify = useMutation({
    mutationFn: verifyAudit,
    onError: (e) => message.error(e instanceof ApiError ? e.message : t('audit.verifyFailed')),
  });
  const update = (patch: Partial<Filter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPage(1);
  };
  const retention = list.data?.retention ?? actions.data?.retention;

  return (
    <Page
      title={t('audit.title')}
      subtitle={retention?.note}
      extra={
        <>
          <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()}>
            {t('audit.verify')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => void exportAudit(filter).catch((e: Error) => message.error(e.message))}
          >
            {t('common:actions.export')}
          </Button>
        </>
      }
    >
      {verify.data &&
        (verify.data.ok ? (
          <Alert
            type="success"
            showIcon
            closable
            style={{ marginBottom: 16 }}
            message={t('audit.intact', { count: verify.data.checked, checkpoints: verify.data.checkpoints })}
          />
        ) : (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            message={t('audit.broken', { count: verify.data.brokenCount, seq: verify.data.brokenSeq })}
            description={
              <>
                <ul style={{ margin: '4px 0', paddingInlineStart: 20, maxHeight: 240, overflowY: 'auto' }}>
                  {verify.data.breaks.map((b) => (
                    <li key={`${b.reason}-${b.seq}`}>
                      {t(b.reason === 'forged_checkpoint' ? 'audit.forgedAt' : 'audit.breakAt', {
                        seq: b.seq,
                        reason: t(`audit.reasons.${b.reason}`),
                      })}
                    </li>
                  ))}
                </ul>
                {verify.data.brokenCount > verify.data.breaks.length &&
                  t('audit.brokenMore', { count: verify.data.brokenCount - verify.data.breaks.length })}{' '}
                {t('audit.brokenDetail', { checked: verify.data.checked })}
              </>
            }
          />
        ))}
      <Card size={narrow ? 'small' : 'default'}>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <Input.Search
            placeholder={t('audit.actor')}
            allowClear
            style={width(160)}
            onSearch={(v) => update({ actor: v.trim() || undefined })}
          />
          <Select
            allowClear
            showSearch
            placeholder={t('audit.action')}
            style={width(220)}
            options={(actions.data?.items ?? []).map((a) => ({ value: a, label: actionLabel(a) }))}
            onChange={(action?: string) => update({ action })}
          />
          <Input.Search
            placeholder={t('audit.targetType')}
            allowClear
            style={width(170)}
            onSearch={(v) => update({ targetType: v.trim() || undefined })}
          />
          <Input.Search
            placeholder={t('audit.targetId')}
            allowClear
            style={width(140)}
            onSearch={(v) => update({ targetId: v.trim() || undefined })}
          />
          <DatePicker.RangePicker
            showTime
            style={narrow ? { width: '100%' } : undefined}
            value={range}
            onChange={(v) => {
              setRange(v);
              update({ from: v?.[0]?.toISOString(), to: v?.[1]?.toISOString() });
            }}
            presets={[
              { label: t('audit.today'), value: [dayjs().startOf('day'), dayjs().endOf('day')] },
              { label: t('audit.last7'), value: [dayjs().subtract(7, 'day'), dayjs()] },
              { label: t('audit.last30'), value: [dayjs().subtract(30, 'day'), dayjs()] },
            ]}
          />
        </Flex>
        <Table<AuditEntry>
          rowKey="seq"
          size="small"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 960 }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (n) => t('common:feedback.total', { count: n }),
            onChange: setPage,
          }}
          expandable={{
            expandedRowRender: (e) => (
              <Descriptions size="small" column={1} bordered>
                <Descriptions.Item label={t('audit.before')}>
                  <pre style={{ margin: 0, whiteSpace: 'pre-wrap', maxHeight: 240, overflow: 'auto' }}>
                    {json(e.before)}
                  </pre>
                </Descriptions.Item>
                <Descriptions.Item label={t('audit.after')}>
                  <pre style={{ margin: 0, whiteSpace: 'pre-wrap', maxHeight: 240, overflow: 'auto' }}>
                    {json(e.after)}
                  </pre>
                </Descriptions.Item>
                <Descriptions.Item label={t('audit.hash')}>
                  <Typography.Text code style={{ fontSize: 12 }}>
                    {e.hash}
                  </Typography.Text>
                </Descriptions.Item>
              </Descriptions>
            ),
          }}
          columns={[
            { title: t('audit.seq'), dataIndex: 'seq', width: 70 },
            {
              title: t('audit.at'),
              dataIndex: 'at',
              width: 170,
              render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss'),
            },
            { title: t('audit.actor'), dataIndex: 'actorName', width: 170, ellipsis: true },
            { title: t('audit.action'), dataIndex: 'action', width: 200, render: actionLabel },
            {
              title: t('audit.target'),
              width: 140,
              render: (_, e) => `${e.targetType}${e.targetId ? ` #${e.targetId}` : ''}`,
            },
            {
              title: t('audit.unit'),
              dataIndex: 'unitName',
              width: 140,
              ellipsis: true,
              render: (n: string | null) => n ?? '—',
            },
            { title: t('audit.address'), dataIndex: 'address', width: 130 },
          ]}
        />
      </Card>
    </Page>
  );
}
