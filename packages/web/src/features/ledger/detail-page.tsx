import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Form, Input, Modal, Row, Select, Space, Spin, Table, Tag, Timeline, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { LedgerAction } from '@leitai/core';
import { api, ApiError } from '../../lib/api';
import { Page } from '../../components/page';
import { useLedgerItem, useLedgerMeta } from './api';
import { ColourTag } from './colour-tag';
import { EvidenceUpload, uploadedIds } from './evidence-upload';
import { EVENT_LABELS, PRIORITY_LABELS, STATE_COLORS, STATE_LABELS, type ItemDetail, type LedgerItem, type Step } from './types';

type Dialog = null | 'return' | 'extension' | 'decide' | 'reassign' | 'split';

/** One item: its facts, steps, history with evidence, and exactly the actions the state machine allows this user. */
export function LedgerItemPage() {
  const id = Number(useParams().id);
  const item = useLedgerItem(id);
  if (item.isLoading) return <Spin />;
  if (item.error || !item.data) return <Alert type="error" message={(item.error as Error | null)?.message ?? '事项不存在'} />;
  return <ItemView item={item.data} />;
}

function ItemView({ item }: { item: ItemDetail }) {
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const meta = useLedgerMeta();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const can = (a: LedgerAction) => item.actions.includes(a);
  const organiser = item.parties.includes('organiser');
  const pending = item.extensions.find((x) => x.status === 'pending');

  const act = async (body: Record<string, unknown>, done: string) => {
    setBusy(true);
    try {
      await api.post(`/ledger/items/${item.id}/actions`, { ...body, version: item.version });
      message.success(done);
      setDialog(null);
      form.resetFields();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CONFLICT') modal.warning({ title: '事项已被他人更新', content: e.message });
      else message.error(e instanceof ApiError ? e.message : '操作失败');
    } finally {
      setBusy(false);
      await client.invalidateQueries({ queryKey: ['ledger'] });
      await client.invalidateQueries({ queryKey: ['notifications'] });
    }
  };
  const split = async (v: { unitIds: number[] }) => {
    try {
      const r = await api.post<{ ids: number[] }>(`/ledger/items/${item.id}/split`, { parts: v.unitIds.map((unitId) => ({ unitId })) });
      message.success(`已分解为 ${r.ids.length} 个子事项`);
      setDialog(null);
      await client.invalidateQueries({ queryKey: ['ledger'] });
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '分解失败');
    }
  };

  const units = (meta.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }));
  return (
    <Page
      title={item.title}
      subtitle={
        <Space size={8}>
          <Tag color={STATE_COLORS[item.state]} data-testid="item-state">{STATE_LABELS[item.state]}</Tag>
          <ColourTag colour={item.colour} daysOverdue={item.daysOverdue} daysLeft={item.daysLeft} />
          {item.parentId && <Link to={`/ledger/items/${item.parentId}`}>上级事项</Link>}
        </Space>
      }
      extra={
        <>
          {can('acknowledge') && <Button type="primary" loading={busy} onClick={() => void act({ action: 'acknowledge' }, '已签收')}>签收</Button>}
          {can('close') && (
            <Button type="primary" loading={busy} onClick={() => modal.confirm({ title: '确认销号？', content: '请确认已核实佐证材料。', onOk: () => act({ action: 'close', text: '' }, '已销号') })}>
              审核销号
            </Button>
          )}
          {can('return') && <Button danger onClick={() => setDialog('return')}>退回</Button>}
          {can('request_extension') && !pending && <Button onClick={() => setDialog('extension')}>申请延期</Button>}
          {can('decide_extension') && pending && <Button onClick={() => setDialog('decide')}>审批延期</Button>}
          {can('reassign') && <Button onClick={() => setDialog('reassign')}>转办</Button>}
          {organiser && item.state !== 'closed' && <Button onClick={() => setDialog('split')}>分解</Button>}
        </>
      }
    >
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions column={2} size="small">
              <Descriptions.Item label="来源">{item.source}</Descriptions.Item>
              <Descriptions.Item label="优先级">{PRIORITY_LABELS[item.priority]}</Descriptions.Item>
              <Descriptions.Item label="牵头单位">{item.leadUnit.name}</Descriptions.Item>
              <Descriptions.Item label="配合单位">{item.coUnits.map((u) => u.name).join('、') || '—'}</Descriptions.Item>
              <Descriptions.Item label="责任领导">{item.leader?.name ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="完成期限">
                {item.deadline}
                {item.deadline !== item.originalDeadline && <Typography.Text type="secondary">（原期限 {item.originalDeadline}，已延期）</Typography.Text>}
              </Descriptions.Item>
              {item.closedOn && <Descriptions.Item label="销号日期">{item.closedOn}</Descriptions.Item>}
              {item.tags.length > 0 && <Descriptions.Item label="标签">{item.tags.map((t) => <Tag key={t}>{t}</Tag>)}</Descriptions.Item>}
            </Descriptions>
            {item.content && <Typography.Paragraph style={{ marginTop: 12, whiteSpace: 'pre-wrap' }}>{item.content}</Typography.Paragraph>}
          </Card>
          {pending && <Alert style={{ marginBottom: 16 }} type="info" message={`延期申请待审批：申请延至 ${pending.requestedDeadline}，理由：${pending.reason}`} />}
          {item.steps.length > 0 && (
            <Card size="small" title="工作节点" style={{ marginBottom: 16 }}>
              <Table<Step>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={item.steps}
                columns={[
                  { title: '序号', dataIndex: 'seq', width: 60 },
                  { title: '节点', dataIndex: 'title' },
                  { title: '期限', dataIndex: 'deadline', width: 110 },
                  { title: '完成日期', dataIndex: 'doneOn', width: 110, render: (d: string | null) => d ?? '—' },
                  { title: '亮灯', width: 130, render: (_, s) => <ColourTag colour={s.colour} daysOverdue={s.daysOverdue} step /> },
                  {
                    title: '',
                    width: 90,
                    render: (_, s) => can('complete_step') && !s.doneOn && <Button size="small" onClick={() => void act({ action: 'complete_step', stepId: s.id }, '节点已完成')}>完成</Button>,
                  },
                ]}
              />
            </Card>
          )}
          {(can('progress') || can('request_close')) && <WorkCard item={item} busy={busy} act={act} />}
          {item.subItems.length > 0 && (
            <Card size="small" title="子事项">
              <Table<LedgerItem>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={item.subItems}
                columns={[
                  { title: '事项', render: (_, s) => <Link to={`/ledger/items/${s.id}`}>{s.title}</Link> },
                  { title: '牵头单位', render: (_, s) => s.leadUnit.name, width: 160 },
                  { title: '状态', width: 100, render: (_, s) => <Tag color={STATE_COLORS[s.state]}>{STATE_LABELS[s.state]}</Tag> },
                  { title: '亮灯', width: 130, render: (_, s) => <ColourTag colour={s.colour} daysOverdue={s.daysOverdue} daysLeft={s.daysLeft} /> },
                ]}
              />
            </Card>
          )}
        </Col>
        <Col xs={24} lg={9}>
          <Card size="small" title="办理过程">
            <Timeline
              items={item.events.map((e) => ({
                color: e.kind === 'return' || e.kind === 'extension_refused' ? 'red' : e.kind === 'close' ? 'green' : 'blue',
                children: (
                  <div data-testid={`event-${e.kind}`}>
                    <Typography.Text strong>{EVENT_LABELS[e.kind] ?? e.kind}</Typography.Text>
                    <Typography.Text type="secondary"> · {e.actorName} · {dayjs(e.at).format('YYYY-MM-DD HH:mm')}</Typography.Text>
                    {e.text && <div style={{ whiteSpace: 'pre-wrap' }}>{e.text}</div>}
                    {e.files.map((f) => (
                      <div key={f.id}>
                        <a href={`/api/files/${f.id}`}>
                          <PaperClipOutlined /> {f.name}
                        </a>
                      </div>
                    ))}
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>

      <Modal title="退回销号申请" open={dialog === 'return'} onCancel={() => setDialog(null)} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v: { reason: string }) => void act({ action: 'return', reason: v.reason }, '已退回')}>
          <Form.Item name="reason" label="退回理由" rules={[{ required: true, min: 2, message: '请说明退回理由' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal title="申请延期" open={dialog === 'extension'} onCancel={() => setDialog(null)} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v: { deadline: dayjs.Dayjs; reason: string }) => void act({ action: 'request_extension', deadline: v.deadline.format('YYYY-MM-DD'), reason: v.reason }, '延期申请已提交')}>
          <Form.Item name="deadline" label="申请延至" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker disabledDate={(d) => !d.isAfter(dayjs(item.deadline))} />
          </Form.Item>
          <Form.Item name="reason" label="延期理由" rules={[{ required: true, min: 2, message: '请说明延期理由' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal title="审批延期申请" open={dialog === 'decide'} onCancel={() => setDialog(null)} footer={null} destroyOnHidden>
        {pending && <Typography.Paragraph>申请延至 {pending.requestedDeadline}。理由：{pending.reason}</Typography.Paragraph>}
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label="审批意见（不同意时必填）">
            <Input.TextArea rows={2} />
          </Form.Item>
          <Space>
            <Button type="primary" onClick={() => void act({ action: 'decide_extension', approve: true, reason: (form.getFieldValue('reason') as string | undefined) ?? '' }, '已同意延期')}>同意</Button>
            <Button danger onClick={() => void act({ action: 'decide_extension', approve: false, reason: (form.getFieldValue('reason') as string | undefined) ?? '' }, '已不同意延期')}>不同意</Button>
          </Space>
        </Form>
      </Modal>
      <Modal title="转办" open={dialog === 'reassign'} onCancel={() => setDialog(null)} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v: { leadUnitId: number; reason: string }) => void act({ action: 'reassign', ...v }, '已转办')}>
          <Form.Item name="leadUnitId" label="转至牵头单位" rules={[{ required: true, message: '请选择单位' }]}>
            <Select showSearch optionFilterProp="label" options={units.filter((u) => u.value !== item.leadUnit.id)} />
          </Form.Item>
          <Form.Item name="reason" label="转办理由" rules={[{ required: true, min: 2, message: '请说明转办理由' }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal title="分解为子事项" open={dialog === 'split'} onCancel={() => setDialog(null)} onOk={() => form.submit()} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v: { unitIds: number[] }) => void split(v)}>
          <Form.Item name="unitIds" label="分解到单位（每个单位一个子事项，期限与节点同本事项）" rules={[{ required: true, message: '请选择单位' }]}>
            <Select mode="multiple" showSearch optionFilterProp="label" options={units} />
          </Form.Item>
        </Form>
      </Modal>
    </Page>
  );
}

/** The unit's working panel: a progress update, or a close-out request with evidence. */
function WorkCard({ item, busy, act }: { item: ItemDetail; busy: boolean; act: (body: Record<string, unknown>, done: string) => Promise<void> }) {
  const [form] = Form.useForm();
  const send = async (action: 'progress' | 'request_close') => {
    const v = form.getFieldsValue() as { text?: string; files?: Parameters<typeof uploadedIds>[0] };
    await act({ action, text: v.text ?? '', fileIds: uploadedIds(v.files) }, action === 'progress' ? '进展已报送' : '销号申请已提交，等待督查室审核');
    form.resetFields();
  };
  return (
    <Card size="small" title="办理" style={{ marginBottom: 16 }}>
      <Form form={form} layout="vertical">
        <Form.Item name="text" label="办理情况">
          <Input.TextArea rows={3} placeholder="填写进展或办结情况" aria-label="办理情况" />
        </Form.Item>
        <Form.Item name="files" label="佐证材料" valuePropName="value">
          <EvidenceUpload />
        </Form.Item>
        <Space>
          {item.actions.includes('progress') && <Button loading={busy} onClick={() => void send('progress')}>报送进展</Button>}
          {item.actions.includes('request_close') && <Button type="primary" loading={busy} onClick={() => void send('request_close')}>申请销号</Button>}
        </Space>
      </Form>
    </Card>
  );
}
