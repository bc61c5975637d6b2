import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Drawer, Flex, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined, ScheduleOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api, ApiError } from '../../lib/api';
import { useLedgerMeta } from './api';

interface StepValues {
  title: string;
  workingDays?: number;
  deadline?: Dayjs;
}
interface FormValues {
  title: string;
  content?: string;
  source: string;
  leadUnitId: number;
  coUnitIds?: number[];
  leaderId?: number;
  priority: string;
  tags?: string[];
  deadline: Dayjs;
  steps?: StepValues[];
}

const iso = (d: Dayjs) => d.format('YYYY-MM-DD');

/** 交办事项: the organiser enters the final deadline and the steps; 倒排工期 proposes each step's deadline on the working-day calendar. */
export function NewItemDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const meta = useLedgerMeta();
  const [form] = Form.useForm<FormValues>();
  const units = (meta.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }));

  const schedule = async () => {
    const { deadline, steps } = form.getFieldsValue(['deadline', 'steps']) as Pick<FormValues, 'deadline' | 'steps'>;
    if (!deadline) return void message.warning('请先填写最终完成期限');
    const list = (steps ?? []).filter((s) => s?.title);
    if (list.length === 0 || list.some((s) => !s.workingDays)) return void message.warning('请为每个节点填写名称和工期（工作日）');
    try {
      const res = await api.post<{ steps: { deadline: string }[] }>('/ledger/schedule', { finalDeadline: iso(deadline), steps: list.map((s) => ({ title: s.title, workingDays: s.workingDays })) });
      form.setFieldValue('steps', list.map((s, i) => ({ ...s, deadline: dayjs(res.steps[i]!.deadline) })));
      message.success('已按倒排工期生成节点期限，可再逐项调整');
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '倒排失败');
    }
  };

  const submit = async (v: FormValues) => {
    try {
      const { id } = await api.post<{ id: number }>('/ledger/items', {
        title: v.title,
        content: v.content ?? '',
        source: v.source,
        leadUnitId: v.leadUnitId,
        coUnitIds: v.coUnitIds ?? [],
        leaderId: v.leaderId ?? null,
        priority: v.priority,
        tags: v.tags ?? [],
        deadline: iso(v.deadline),
        steps: (v.steps ?? []).filter((s) => s?.title).map((s) => ({ title: s.title, deadline: s.deadline ? iso(s.deadline) : iso(v.deadline) })),
      });
      message.success('事项已交办，牵头单位已收到通知');
      await client.invalidateQueries({ queryKey: ['ledger'] });
      form.resetFields();
      onClose();
      void navigate(`/ledger/items/${id}`);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '交办失败');
    }
  };

  return (
    <Drawer title="交办督办事项" open={open} onClose={onClose} width={720} destroyOnHidden extra={<Button type="primary" onClick={() => form.submit()} data-testid="submit-item">交办</Button>}>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ priority: 'normal', source: '会议决定' }}>
        <Form.Item name="title" label="事项标题" rules={[{ required: true, min: 2, message: '请填写事项标题（至少 2 个字）' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="content" label="具体内容">
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="source" label="来源" rules={[{ required: true }]} style={{ flex: 1 }}>
            <Select options={(meta.data?.sources ?? []).map((s) => ({ value: s, label: s }))} />
          </Form.Item>
          <Form.Item name="priority" label="优先级" style={{ flex: 1 }}>
            <Select options={meta.data?.priorities ?? []} />
          </Form.Item>
          <Form.Item name="leaderId" label="责任领导" style={{ flex: 1 }}>
            <Select allowClear options={(meta.data?.leaders ?? []).map((l) => ({ value: l.id, label: l.name }))} />
          </Form.Item>
        </Flex>
        <Form.Item name="leadUnitId" label="牵头单位" rules={[{ required: true, message: '请选择牵头单位' }]}>
          <Select showSearch optionFilterProp="label" options={units} data-testid="lead-unit" />
        </Form.Item>
        <Form.Item name="coUnitIds" label="配合单位">
          <Select mode="multiple" showSearch optionFilterProp="label" options={units} />
        </Form.Item>
        <Form.Item name="tags" label="标签">
          <Select mode="tags" tokenSeparators={[',', '，', '、']} />
        </Form.Item>
        <Form.Item name="deadline" label="最终完成期限" rules={[{ required: true, message: '请选择完成期限' }]}>
          <DatePicker style={{ width: 200 }} disabledDate={(d) => d.isBefore(dayjs().startOf('day'))} />
        </Form.Item>
        <Typography.Title level={5}>
          工作节点（倒排工期）
        </Typography.Title>
        <Typography.Paragraph type="secondary">按先后顺序填写节点和所需工作日，点“倒排工期”由最终期限往前推算各节点期限（跳过周末和法定节假日）。</Typography.Paragraph>
        <Form.List name="steps">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'title']} rules={[{ required: true, message: '节点名称' }]}>
                    <Input placeholder={`节点 ${i + 1} 名称`} style={{ width: 240 }} aria-label={`节点${i + 1}名称`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'workingDays']}>
                    <InputNumber min={1} max={365} placeholder="工作日" addonAfter="工作日" style={{ width: 150 }} aria-label={`节点${i + 1}工期`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'deadline']}>
                    <DatePicker placeholder="节点期限" aria-label={`节点${i + 1}期限`} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Space>
                <Button icon={<PlusOutlined />} onClick={() => add({ title: '' })}>
                  添加节点
                </Button>
                <Button icon={<ScheduleOutlined />} onClick={() => void schedule()} disabled={fields.length === 0} data-testid="reverse-schedule">
                  倒排工期
                </Button>
              </Space>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
