import { useState } from 'react';
import { App, Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Page } from '../../components/page';
import { ExcelImport } from '../../components/excel-import';
import { api, ApiError } from '../../lib/api';
import { useCampaignDetail, useCampaigns, useCurrentCampaign, type IndicatorInfo } from './api';
import { show } from './tags';

const KINDS = { cumulative: '累计值', rate: '比率', growth: '同比增速' } as const;

/** 活动与指标: the office's set-up — campaign, indicator list, targets (Excel), reporting months, target change requests. */
export function SetupPage() {
  const { campaign, year } = useCurrentCampaign();
  const detail = useCampaignDetail(campaign?.id, year);
  const client = useQueryClient();
  const { message } = App.useApp();
  const refresh = () => client.invalidateQueries({ queryKey: ['dispatch'] });
  const act = async (f: () => Promise<unknown>, ok: string) => {
    try {
      await f();
      message.success(ok);
      await refresh();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
  const [opening, setOpening] = useState(false);
  const [openForm] = Form.useForm<{ period: string; deadline: { format(f: string): string } }>();
  const [adding, setAdding] = useState(false);
  const [indForm] = Form.useForm();
  const categories = useQuery({ queryKey: ['categories'], queryFn: () => api.get<{ id: number; name: string }[] | { categories: { id: number; name: string }[] }>('/categories') });
  const catList = Array.isArray(categories.data) ? categories.data : (categories.data?.categories ?? []);
  const targets = useQuery({
    queryKey: ['dispatch', 'targets', campaign?.id, year],
    enabled: campaign !== undefined,
    queryFn: () => api.get<{ targets: { id: number; unitName: string; indicatorId: number; base: string; stretch: string | null; pendingChange: { base: string; stretch: string | null; reason: string; byName: string } | null }[] }>(`/dispatch/campaigns/${campaign!.id}/targets?year=${year}`),
  });
  const pending = (targets.data?.targets ?? []).filter((t) => t.pendingChange);
  const retireFrom = detail.data?.periods.at(-1)?.period ?? `${year}-12`;
  const indName = new Map((detail.data?.indicators ?? []).map((i) => [i.id, i.name]));
  if (!campaign) return <Page title="活动与指标" extra={<NewCampaign onDone={refresh} />}>{null}</Page>;
  const cid = campaign.id;

  return (
    <Page title="活动与指标" subtitle={`${campaign.name}（${campaign.startYear}–${campaign.endYear}）${campaign.phases.map((p) => ` · ${p.name} ${p.from}~${p.to}`).join('')}`} extra={<NewCampaign onDone={refresh} />}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small" title="指标清单" extra={<Button onClick={() => setAdding(true)}>新增指标</Button>}>
          <Table<IndicatorInfo>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={detail.data?.indicators ?? []}
            columns={[
              { title: '指标', dataIndex: 'name' },
              { title: '计量单位', dataIndex: 'measure' },
              { title: '类型', dataIndex: 'kind', render: (k: keyof typeof KINDS) => KINDS[k] },
              { title: '预警规则', key: 'r', render: (_, i) => (i.rule.kind === 'ratio' ? '序时比例' : '落后百分点') },
              { title: '承担单位', key: 'a', render: (_, i) => `${i.assignments.length} 项分配` },
              {
                title: '状态',
                key: 's',
                render: (_, i) =>
                  i.retiredFrom ? (
                    <Space>
                      <Tag>自 {i.retiredFrom} 停用</Tag>
                      <Button size="small" type="link" onClick={() => act(() => api.post(`/dispatch/campaigns/${cid}/indicators/${i.id}/retire`, { retiredFrom: null }), '已恢复')}>
                        恢复
                      </Button>
                    </Space>
                  ) : (
                    <Popconfirm
                      title={`自 ${retireFrom} 起停用“${i.name}”？`}
                      description="此前各月的数据和亮灯保留，之后不再填报和考核。"
                      onConfirm={() => act(() => api.post(`/dispatch/campaigns/${cid}/indicators/${i.id}/retire`, { retiredFrom: retireFrom }), '已停用')}
                    >
                      <Button size="small" type="link">
                        停用
                      </Button>
                    </Popconfirm>
                  ),
              },
            ]}
          />
        </Card>
        <Card size="small" title={`${year} 年目标`} extra={<ExcelImport title="导入目标" templateUrl={`/dispatch/campaigns/${cid}/targets/template?year=${year}`} importUrl={`/dispatch/campaigns/${cid}/targets/import?year=${year}`} describeResult={(r) => `已保存 ${(r as { saved: number }).saved} 个目标`} onImported={refresh} />}>
          <p>已设定 {targets.data?.targets.length ?? 0} 个单位目标。单位负责人确认后，调整须经审批：</p>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={pending}
            locale={{ emptyText: '没有待审批的目标调整' }}
            columns={[
              { title: '单位', dataIndex: 'unitName' },
              { title: '指标', key: 'i', render: (_, t) => indName.get(t.indicatorId) },
              { title: '原目标', key: 'o', render: (_, t) => `${show(t.base)} / ${show(t.stretch)}` },
              { title: '申请调整为', key: 'n', render: (_, t) => `${show(t.pendingChange!.base)} / ${show(t.pendingChange!.stretch)}` },
              { title: '原因', key: 'r', render: (_, t) => t.pendingChange!.reason },
              {
                title: '',
                key: 'x',
                render: (_, t) => (
                  <Space>
                    <Button size="small" type="primary" onClick={() => act(() => api.post(`/dispatch/targets/${t.id}/decision`, { approve: true }), '已批准')}>批准</Button>
                    <Button size="small" onClick={() => act(() => api.post(`/dispatch/targets/${t.id}/decision`, { approve: false }), '已驳回')}>驳回</Button>
                  </Space>
                ),
              },
            ]}
          />
        </Card>
        <Card size="small" title="月度调度" extra={<Button type="primary" onClick={() => setOpening(true)}>开启填报</Button>}>
          <Table
            size="small"
            rowKey="period"
            pagination={false}
            dataSource={[...(detail.data?.periods ?? [])].reverse()}
            columns={[
              { title: '期间', dataIndex: 'period' },
              { title: '填报截止', dataIndex: 'deadline' },
              { title: '状态', key: 'o', render: (_, p) => (p.open ? <Tag color="processing">填报中</Tag> : <Tag>已关闭</Tag>) },
              { title: '重新开放', dataIndex: 'reopenCount', render: (n: number) => (n > 0 ? `${n} 次` : '') },
              {
                title: '',
                key: 'x',
                render: (_, p) =>
                  p.open ? (
                    <Button size="small" onClick={() => act(() => api.post(`/dispatch/campaigns/${cid}/periods/${p.period}/close`), '已关闭')}>关闭填报</Button>
                  ) : (
                    <Button size="small" onClick={() => { openForm.setFieldsValue({ period: p.period }); setOpening(true); }}>重新开放</Button>
                  ),
              },
            ]}
          />
        </Card>
      </Space>
      <Modal
        open={opening}
        title="开启月度填报"
        onCancel={() => setOpening(false)}
        onOk={async () => {
          const v = await openForm.validateFields();
          await act(() => api.post(`/dispatch/campaigns/${cid}/periods`, { period: v.period, deadline: v.deadline.format('YYYY-MM-DD') }), `${v.period} 已开启填报`);
          setOpening(false);
        }}
      >
        <Form form={openForm} layout="vertical">
          <Form.Item name="period" label="期间（YYYY-MM）" rules={[{ required: true, pattern: /^\d{4}-(0[1-9]|1[0-2])$/, message: '格式如 2026-07' }]}>
            <Input placeholder="2026-07" />
          </Form.Item>
          <Form.Item name="deadline" label="填报截止日期" rules={[{ required: true, message: '请选择截止日期' }]}>
            <DatePicker />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={adding}
        title="新增指标"
        onCancel={() => setAdding(false)}
        onOk={async () => {
          const v = await indForm.validateFields();
          await act(() => api.post(`/dispatch/campaigns/${cid}/indicators`, { ...v, rule: v.ratio ? { kind: 'ratio', redBelowRatio: '0.5' } : undefined, ratio: undefined, weight: String(v.weight ?? 0) }), '已新增指标');
          setAdding(false);
        }}
      >
        <Form form={indForm} layout="vertical" initialValues={{ kind: 'cumulative', categoryIds: [] }}>
          <Form.Item name="name" label="指标名称" rules={[{ required: true, min: 2, message: '指标名称至少 2 个字' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="measure" label="计量单位" rules={[{ required: true, message: '请填写计量单位' }]}>
            <Select options={['个', '家', '万元', '亿元', '%'].map((m) => ({ value: m, label: m }))} />
          </Form.Item>
          <Form.Item name="kind" label="类型">
            <Select options={Object.entries(KINDS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="categoryIds" label="分配给考核类别">
            <Select mode="multiple" options={catList.map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
          <Form.Item name="weight" label="权重">
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="ratio" valuePropName="checked">
            <Checkbox>按序时比例预警（低于 50% 为红灯），默认按落后百分点</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </Page>
  );
}

function NewCampaign({ onDone }: { onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const list = useCampaigns().data?.campaigns ?? [];
  const { message } = App.useApp();
  return (
    <>
      <Button onClick={() => setOpen(true)}>新建活动</Button>
      <Modal
        open={open}
        title="新建活动"
        onCancel={() => setOpen(false)}
        onOk={async () => {
          const v = await form.validateFields();
          try {
            const r = await api.post<{ copiedIndicators: number }>('/dispatch/campaigns', { ...v, phases: [] });
            message.success(`已创建${r.copiedIndicators ? `，复制指标 ${r.copiedIndicators} 项` : ''}`);
            setOpen(false);
            onDone();
          } catch (e) {
            message.error(e instanceof ApiError ? e.message : String(e));
          }
        }}
      >
        <Form form={form} layout="vertical" initialValues={{ startYear: new Date().getFullYear(), endYear: new Date().getFullYear() }}>
          <Form.Item name="name" label="活动名称" rules={[{ required: true, min: 2, message: '活动名称至少 2 个字' }]}>
            <Input />
          </Form.Item>
          <Space>
            <Form.Item name="startYear" label="开始年份">
              <InputNumber min={2000} max={2100} />
            </Form.Item>
            <Form.Item name="endYear" label="结束年份">
              <InputNumber min={2000} max={2100} />
            </Form.Item>
          </Space>
          <Form.Item name="copyFromId" label="复制指标清单（可选）">
            <Select allowClear options={list.map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
