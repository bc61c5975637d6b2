import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Drawer, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { api } from '../../lib/api';
import { Page } from '../../components/page';
import { useCan } from '../../app/session';
import { STATUS_COLOR, STATUS_LABEL, type ArenaSummary } from './types';

/** 擂台赛 list; organisers create an arena here and go to its host console. */
export function ArenaListPage() {
  const can = useCan();
  const [open, setOpen] = useState(false);
  const list = useQuery({ queryKey: ['arenas'], queryFn: () => api.get<ArenaSummary[]>('/arenas') });
  const manage = can('arena.manage');
  return (
    <Page
      title="擂台赛"
      subtitle="晒成绩 · 比实绩 · 亮排名"
      extra={
        manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="new-arena">
            新建擂台赛
          </Button>
        )
      }
    >
      <Table
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        columns={[
          { title: '名称', dataIndex: 'title' },
          { title: '日期', dataIndex: 'heldOn', width: 120 },
          { title: '选手', dataIndex: 'contestants', width: 80 },
          { title: '状态', dataIndex: 'status', width: 100, render: (s: ArenaSummary['status']) => <Tag color={STATUS_COLOR[s]}>{STATUS_LABEL[s]}</Tag> },
          { title: '抽签种子', dataIndex: 'seed', width: 140, render: (s: string | null) => s ?? '—' },
          {
            title: '',
            width: 180,
            render: (_: unknown, a: ArenaSummary) => (
              <Space>
                {manage && <Link to={`/arenas/${a.id}/host`}>主持台</Link>}
                {(manage || a.status === 'finished') && <Link to={`/arenas/${a.id}/result`}>成绩</Link>}
              </Space>
            ),
          },
        ]}
      />
      {manage && <CreateDrawer open={open} onClose={() => setOpen(false)} />}
    </Page>
  );
}

interface UnitOption {
  id: number;
  name: string;
  kind: string;
  category: string | null;
}
interface FormValues {
  title: string;
  heldOn: Dayjs;
  speakingMinutes: number;
  contestants: number[];
  groups: { id: string; weight: number }[];
  judges: { name: string; groupId: string; unitId?: number }[];
}

function CreateDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const units = useQuery({ queryKey: ['arena-units'], queryFn: () => api.get<UnitOption[]>('/arenas/options/units'), enabled: open });
  const groups = Form.useWatch('groups', form) ?? [];
  const options = (units.data ?? []).map((u) => ({ value: u.id, label: u.category ? `${u.name}（${u.category}）` : u.name }));
  const submit = async (v: FormValues) => {
    try {
      const { id } = await api.post<{ id: number }>('/arenas', {
        title: v.title,
        heldOn: v.heldOn.format('YYYY-MM-DD'),
        speakingSeconds: Math.round(v.speakingMinutes * 60),
        groups: v.groups,
        contestants: v.contestants.map((unitId) => ({ unitId })),
        judges: v.judges.map((j) => ({ name: j.name, groupId: j.groupId, unitId: j.unitId ?? null })),
      });
      message.success('擂台赛已创建');
      void client.invalidateQueries({ queryKey: ['arenas'] });
      onClose();
      void navigate(`/arenas/${id}/host`);
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Drawer open={open} onClose={onClose} width={720} title="新建擂台赛" extra={<Button type="primary" onClick={() => form.submit()}>创建</Button>}>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ speakingMinutes: 5, groups: [{ id: '领导评委', weight: 0.5 }, { id: '专家评委', weight: 0.3 }, { id: '群众代表', weight: 0.2 }], judges: [{ name: '', groupId: '领导评委' }] }}
      >
        <Form.Item name="title" label="名称" rules={[{ required: true, message: '请填写名称' }]}>
          <Input placeholder="如：第一季度局长擂台赛" />
        </Form.Item>
        <Space>
          <Form.Item name="heldOn" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="speakingMinutes" label="每位陈述时间（分钟）" rules={[{ required: true }]}>
            <InputNumber min={0.5} max={60} step={0.5} />
          </Form.Item>
        </Space>
        <Form.Item name="contestants" label="选手单位" rules={[{ required: true, message: '请选择选手单位' }]} extra="评分项默认：实绩 40 / 举措 30 / 表现 20 / 作风 10">
          <Select mode="multiple" options={options} optionFilterProp="label" placeholder="选择参赛单位" />
        </Form.Item>
        <Form.List name="groups">
          {(fields, { add, remove }) => (
            <Form.Item label="评委组与权重（权重之和须为 1）">
              {fields.map((f) => (
                <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'id']} rules={[{ required: true, message: '组名' }]}>
                    <Input placeholder="组名" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'weight']} rules={[{ required: true, message: '权重' }]}>
                    <InputNumber min={0.01} max={1} step={0.05} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ id: '', weight: 0.1 })} icon={<PlusOutlined />}>
                添加评委组
              </Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.List name="judges">
          {(fields, { add, remove }) => (
            <Form.Item label="评委（来自选手单位的评委自动回避该单位）">
              {fields.map((f) => (
                <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '姓名' }]}>
                    <Input placeholder="姓名" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'groupId']} rules={[{ required: true, message: '组' }]}>
                    <Select style={{ width: 130 }} options={groups.filter((g) => g?.id).map((g) => ({ value: g.id, label: g.id }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'unitId']}>
                    <Select style={{ width: 200 }} allowClear showSearch optionFilterProp="label" placeholder="所属单位（可选）" options={options} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ name: '', groupId: groups[0]?.id })} icon={<PlusOutlined />}>
                添加评委
              </Button>
            </Form.Item>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
