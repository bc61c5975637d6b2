import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Descriptions, Input, Select, Space, Table, Typography } from 'antd';
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { Page } from '../../components/page';
import { api, ApiError, download } from '../../lib/api';
import { queryString, type AuditEntry, type Retention, type VerifyResult } from './api';

/** What the log's action codes mean; unknown codes (later features) show as they are. */
const ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.locked': '账号锁定',
  'auth.logout': '退出登录',
  'auth.unlock': '解除锁定',
  'user.create': '新建账号',
  'user.update': '修改账号',
  'user.password_reset': '重置密码',
  'user.password_change': '修改密码',
  'unit.create': '新建单位',
  'unit.update': '修改单位',
  'unit.import': '导入单位',
  'category.create': '新建考核类别',
  'category.update': '修改考核类别',
  'category.delete': '删除考核类别',
  'settings.update': '修改设置',
  'audit.export': '导出审计日志',
  'audit.verify': '校验审计链',
};
const actionLabel = (a: string) => (ACTION_LABELS[a] ? `${ACTION_LABELS[a]}（${a}）` : a);

interface Filter {
  actor?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: string;
  to?: string;
}

const PAGE_SIZE = 50;
const json = (v: unknown) => (v === null || v === undefined ? '—' : JSON.stringify(v, null, 2));

/**
 * 审计日志 for the audit admin: filter by actor, action, target and time; see each change's before and
 * after; export what is filtered; verify the hash chain. Entries are never changed or deleted.
 */
export function AuditPage() {
  const { message } = App.useApp();
  const [filter, setFilter] = useState<Filter>({});
  const [page, setPage] = useState(1);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const actions = useQuery({ queryKey: ['audit', 'actions'], queryFn: () => api.get<{ items: string[]; retention: Retention }>('/audit/actions') });
  const list = useQuery({
    queryKey: ['audit', filter, page],
    queryFn: () => api.get<{ items: AuditEntry[]; total: number; retention: Retention }>(`/audit${queryString({ ...filter, page, pageSize: PAGE_SIZE })}`),
    placeholderData: (previous) => previous,
  });
  const verify = useMutation({ mutationFn: () => api.get<VerifyResult>('/audit/verify'), onError: (e) => message.error(e instanceof ApiError ? e.message : '校验失败') });
  const update = (patch: Partial<Filter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPage(1);
  };
  const retention = list.data?.retention ?? actions.data?.retention;

  return (
    <Page
      title="审计日志"
      subtitle={retention?.note}
      extra={
        <>
          <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()}>
            校验完整性
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => void download(`/audit/export${queryString({ ...filter })}`).catch((e: Error) => message.error(e.message))}>
            导出
          </Button>
        </>
      }
    >
      {verify.data &&
        (verify.data.ok ? (
          <Alert type="success" showIcon closable style={{ marginBottom: 16 }} message={`审计链完整：已校验 ${verify.data.checked} 条记录，每条的哈希与前后链接都相符。`} />
        ) : (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            message={`审计链在第 ${verify.data.brokenSeq} 条记录处断开`}
            description={`此前 ${verify.data.checked} 条完好。原因：${verify.data.reason === 'content does not match its hash' ? '记录内容与其哈希不符（可能被改动）' : verify.data.reason.includes('missing') ? '记录缺失' : '与前一条记录的链接不符'}。请立即报告安全管理部门。`}
          />
        ))}
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search placeholder="操作人" allowClear style={{ width: 160 }} onSearch={(v) => update({ actor: v.trim() || undefined })} />
          <Select
            allowClear
            showSearch
            placeholder="操作"
            style={{ width: 220 }}
            options={(actions.data?.items ?? []).map((a) => ({ value: a, label: actionLabel(a) }))}
            onChange={(action?: string) => update({ action })}
          />
          <Input.Search placeholder="对象类型，如 user" allowClear style={{ width: 170 }} onSearch={(v) => update({ targetType: v.trim() || undefined })} />
          <Input.Search placeholder="对象编号" allowClear style={{ width: 140 }} onSearch={(v) => update({ targetId: v.trim() || undefined })} />
          <DatePicker.RangePicker
            showTime
            value={range}
            onChange={(v) => {
              setRange(v);
              update({ from: v?.[0]?.toISOString(), to: v?.[1]?.toISOString() });
            }}
            presets={[
              { label: '今天', value: [dayjs().startOf('day'), dayjs().endOf('day')] },
              { label: '最近 7 天', value: [dayjs().subtract(7, 'day'), dayjs()] },
              { label: '最近 30 天', value: [dayjs().subtract(30, 'day'), dayjs()] },
            ]}
          />
        </Space>
        <Table<AuditEntry>
          rowKey="seq"
          size="small"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 960 }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, showSizeChanger: false, showTotal: (n) => `共 ${n} 条`, onChange: setPage }}
          expandable={{
            expandedRowRender: (e) => (
              <Descriptions size="small" column={1} bordered>
                <Descriptions.Item label="变更前">
                  <pre style={{ margin: 0, whiteSpace: 'pre-wrap', maxHeight: 240, overflow: 'auto' }}>{json(e.before)}</pre>
                </Descriptions.Item>
                <Descriptions.Item label="变更后">
                  <pre style={{ margin: 0, whiteSpace: 'pre-wrap', maxHeight: 240, overflow: 'auto' }}>{json(e.after)}</pre>
                </Descriptions.Item>
                <Descriptions.Item label="哈希">
                  <Typography.Text code style={{ fontSize: 12 }}>
                    {e.hash}
                  </Typography.Text>
                </Descriptions.Item>
              </Descriptions>
            ),
          }}
          columns={[
            { title: '序号', dataIndex: 'seq', width: 70 },
            { title: '时间', dataIndex: 'at', width: 170, render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss') },
            { title: '操作人', dataIndex: 'actorName', width: 170, ellipsis: true },
            { title: '操作', dataIndex: 'action', width: 200, render: actionLabel },
            { title: '对象', width: 140, render: (_, e) => `${e.targetType}${e.targetId ? ` #${e.targetId}` : ''}` },
            { title: '单位', dataIndex: 'unitName', width: 140, ellipsis: true, render: (n: string | null) => n ?? '—' },
            { title: '地址', dataIndex: 'address', width: 130 },
          ]}
        />
      </Card>
    </Page>
  );
}
