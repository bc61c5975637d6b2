import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Col, Empty, Form, Input, Modal, Row, Space, Table, Tag } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { Page } from '../../components/page';
import { api, ApiError } from '../../lib/api';
import { useCan } from '../../app/session';
import { useCurrentCampaign, useUnitOverview, type UnitOverview } from './api';
import { ReportStateTag, show, TimingTag, WarningTag } from './tags';
import { TrendChart } from './trend-chart';

/** A unit's own page: what is due, its indicators against pace and warnings, its targets (立目标), its months. */
export function UnitPage() {
  const params = useParams();
  const { campaign, year, myUnitId } = useCurrentCampaign();
  const unitId = params.unitId ? Number(params.unitId) : myUnitId;
  const q = useUnitOverview(campaign?.id, unitId, year);
  const d = q.data;
  if (!campaign) return <Page title="本单位调度">{q.isLoading ? null : <Empty description="暂无进行中的活动" />}</Page>;
  return (
    <Page title={d ? `${d.unit.name} · 调度` : '本单位调度'} subtitle={`${campaign.name} · ${year} 年`}>
      {d && <Body d={d} campaignId={campaign.id} />}
    </Page>
  );
}

function Body({ d, campaignId }: { d: UnitOverview; campaignId: number }) {
  const latest = d.latest?.row;
  const names = new Map(d.targets.map((t) => [t.indicatorId, t]));
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {d.due.map((x) => (
        <Alert
          key={x.period}
          type={x.state === 'returned' ? 'error' : x.timing === 'missing' ? 'warning' : 'info'}
          showIcon
          data-testid={`due-${x.period}`}
          message={
            <Space wrap>
              <span>
                {x.period} 月度调度{x.state === 'returned' ? '被退回，请修改后重新报送' : '待填报'}，截止 {x.deadline}
              </span>
              <ReportStateTag state={x.state} />
              {x.timing === 'missing' && <TimingTag timing="missing" />}
            </Space>
          }
          description={x.returnReason ? `退回原因：${x.returnReason}` : undefined}
          action={
            <Link to={`/dispatch/report/${d.unit.id}/${x.period}`}>
              <Button type="primary" size="small">
                去填报
              </Button>
            </Link>
          }
        />
      ))}
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card size="small" title={d.latest ? `${d.latest.period} 指标完成情况（序时进度）` : '指标完成情况'}>
            <Table
              size="small"
              rowKey="indicatorId"
              pagination={false}
              dataSource={latest?.cells ?? []}
              columns={[
                { title: '指标', key: 'n', render: (_, c) => `${names.get(c.indicatorId)?.name ?? ''}（${names.get(c.indicatorId)?.measure ?? ''}）` },
                { title: '年度目标', key: 'b', render: (_, c) => show(c.base) },
                { title: '完成', key: 'a', render: (_, c) => show(c.actual) },
                { title: '序时', key: 'e', render: (_, c) => show(c.expected) },
                { title: '亮灯', key: 's', render: (_, c) => <WarningTag state={c.state} /> },
              ]}
            />
            {d.warnings.length > 0 && (
              <Alert style={{ marginTop: 12 }} type="warning" message={`预警 ${d.warnings.length} 项：${d.warnings.map((w) => w.name).join('、')}`} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title="月度趋势">
            <TrendChart series={d.trend} height={260} />
          </Card>
        </Col>
      </Row>
      <Targets d={d} campaignId={campaignId} />
      <Card size="small" title="各月报送">
        <Table
          size="small"
          rowKey="period"
          pagination={false}
          dataSource={[...d.periods].reverse()}
          columns={[
            { title: '期间', dataIndex: 'period', render: (p: string) => <Link to={`/dispatch/report/${d.unit.id}/${p}`}>{p}</Link> },
            { title: '截止', dataIndex: 'deadline' },
            { title: '状态', key: 's', render: (_, p) => <ReportStateTag state={p.state} /> },
            { title: '报送', key: 't', render: (_, p) => <TimingTag timing={p.timing} /> },
          ]}
        />
      </Card>
    </Space>
  );
}

function Targets({ d, campaignId }: { d: UnitOverview; campaignId: number }) {
  const can = useCan();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [changing, setChanging] = useState<UnitOverview['targets'][number] | null>(null);
  const [form] = Form.useForm<{ base: string; stretch: string; reason: string }>();
  const unconfirmed = d.targets.filter((t) => !t.confirmed).length;
  const refresh = () => client.invalidateQueries({ queryKey: ['dispatch'] });
  const confirm = async () => {
    try {
      const r = await api.post<{ confirmed: number }>(`/dispatch/campaigns/${campaignId}/units/${d.unit.id}/targets/confirm`, { year: d.year });
      message.success(`已确认 ${r.confirmed} 项目标`);
      await refresh();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
  const submitChange = async () => {
    const v = await form.validateFields();
    try {
      await api.post(`/dispatch/targets/${changing!.id}/change`, { base: v.base, stretch: v.stretch || null, reason: v.reason });
      message.success('调整申请已提交，待考核办审批');
      setChanging(null);
      await refresh();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <Card
      size="small"
      title={`${d.year} 年目标（立目标）`}
      extra={
        can('target.confirm') && unconfirmed > 0 ? (
          <Button type="primary" size="small" onClick={confirm}>
            确认全部目标（{unconfirmed} 项）
          </Button>
        ) : null
      }
    >
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={d.targets}
        columns={[
          { title: '指标', key: 'n', render: (_, t) => `${t.name}（${t.measure}）` },
          { title: '基本目标', key: 'b', render: (_, t) => show(t.base) },
          { title: '冲刺目标', key: 's', render: (_, t) => show(t.stretch) },
          {
            title: '状态',
            key: 'c',
            render: (_, t) => (
              <Space size={2} wrap>
                {t.confirmed ? <Tag color="green">已确认</Tag> : <Tag>待确认</Tag>}
                {t.pendingChange && <Tag color="orange">调整待审批：{show(t.pendingChange.base)}</Tag>}
                {t.retiredFrom && <Tag>自 {t.retiredFrom} 停用</Tag>}
                {t.fromPeriod && <Tag>自 {t.fromPeriod} 起</Tag>}
              </Space>
            ),
          },
          {
            title: '',
            key: 'x',
            render: (_, t) =>
              can('target.confirm') && t.confirmed && !t.pendingChange ? (
                <Button size="small" type="link" onClick={() => { form.setFieldsValue({ base: t.base, stretch: t.stretch ?? '', reason: '' }); setChanging(t); }}>
                  申请调整
                </Button>
              ) : null,
          },
        ]}
      />
      <Modal open={changing !== null} title={`申请调整：${changing?.name ?? ''}`} onCancel={() => setChanging(null)} onOk={submitChange} okText="提交申请">
        <Form form={form} layout="vertical">
          <Form.Item name="base" label="基本目标" rules={[{ required: true, message: '请填写基本目标' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="stretch" label="冲刺目标">
            <Input />
          </Form.Item>
          <Form.Item name="reason" label="调整原因" rules={[{ required: true, min: 4, message: '请说明调整原因（至少 4 个字）' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
