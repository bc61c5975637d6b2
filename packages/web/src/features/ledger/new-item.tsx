import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Drawer, Flex, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined, ScheduleOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { ledgerKey } from './api/keys';
import { useLedgerMeta } from './api/get-meta';
import { scheduleSteps } from './api/schedule-steps';
import { createItem } from './api/create-item';
import { isSource } from './messages';

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
  const { t } = useTranslation('ledger');
  const navigate = useNavigate();
  const client = useQueryClient();
  const meta = useLedgerMeta();
  const [form] = Form.useForm<FormValues>();
  const units = (meta.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }));

  const schedule = async () => {
    const { deadline, steps } = form.getFieldsValue(['deadline', 'steps']) as Pick<FormValues, 'deadline' | 'steps'>;
    if (!deadline) return void message.warning(t('create.needDeadline'));
    const list = (steps ?? []).filter((s) => s?.title);
    if (list.length === 0 || list.some((s) => !s.workingDays)) return void message.warning(t('create.needSteps'));
    try {
      const res = await scheduleSteps({
        finalDeadline: iso(deadline),
        steps: list.map((s) => ({ title: s.title, workingDays: s.workingDays })),
      });
      form.setFieldValue(
        'steps',
        list.map((s, i) => ({ ...s, deadline: dayjs(res.steps[i]!.deadline) })),
      );
      message.success(t('create.scheduled'));
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : t('create.scheduleFailed'));
    }
  };

  const submit = async (v: FormValues) => {
    try {
      const { id } = await createItem({
        title: v.title,
        content: v.content ?? '',
        source: v.source,
        leadUnitId: v.leadUnitId,
        coUnitIds: v.coUnitIds ?? [],
        leaderId: v.leaderId ?? null,
        priority: v.priority,
        tags: v.tags ?? [],
        deadline: iso(v.deadline),
        steps: (v.steps ?? [])
          .filter((s) => s?.title)
          .map((s) => ({ title: s.title, deadline: s.deadline ? iso(s.deadline) : iso(v.deadline) })),
      });
      message.success(t('create.assigned'));
      await client.invalidateQueries({ queryKey: ledgerKey });
      form.resetFields();
      onClose();
      void navigate(`/ledger/items/${id}`);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : t('create.assignFailed'));
    }
  };

  return (
    <Drawer
      title={t('create.title')}
      open={open}
      onClose={onClose}
      width={720}
      destroyOnHidden
      extra={
        <Button type="primary" onClick={() => form.submit()} data-testid="submit-item">
          {t('create.submit')}
        </Button>
      }
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ priority: 'normal', source: '会议决定' }}
      >
        <Form.Item
          name="title"
          label={t('fields.title')}
          rules={[{ required: true, min: 2, message: t('create.titleRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="content" label={t('fields.content')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="source" label={t('fields.source')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <Select
              options={(meta.data?.sources ?? []).map((s) => ({
                value: s,
                label: isSource(s) ? t(`sources.${s}`) : s,
              }))}
            />
          </Form.Item>
          <Form.Item name="priority" label={t('fields.priority')} style={{ flex: 1 }}>
            <Select
              options={(meta.data?.priorities ?? []).map((p) => ({
                value: p.value,
                label: t(`priorities.${p.value}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="leaderId" label={t('fields.leader')} style={{ flex: 1 }}>
            <Select allowClear options={(meta.data?.leaders ?? []).map((l) => ({ value: l.id, label: l.name }))} />
          </Form.Item>
        </Flex>
        <Form.Item
          name="leadUnitId"
          label={t('fields.leadUnit')}
          rules={[{ required: true, message: t('create.leadUnitRequired') }]}
        >
          <Select showSearch optionFilterProp="label" options={units} data-testid="lead-unit" />
        </Form.Item>
        <Form.Item name="coUnitIds" label={t('fields.coUnits')}>
          <Select mode="multiple" showSearch optionFilterProp="label" options={units} />
        </Form.Item>
        <Form.Item name="tags" label={t('fields.tags')}>
          <Select mode="tags" tokenSeparators={[',', '，', '、']} />
        </Form.Item>
        <Form.Item
          name="deadline"
          label={t('fields.finalDeadline')}
          rules={[{ required: true, message: t('create.deadlineRequired') }]}
        >
          <DatePicker style={{ width: 200 }} disabledDate={(d) => d.isBefore(dayjs().startOf('day'))} />
        </Form.Item>
        <Typography.Title level={5}>{t('create.stepsTitle')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('create.stepsHint')}</Typography.Paragraph>
        <Form.List name="steps">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="baseline">
                  <Form.Item
                    name={[f.name, 'title']}
                    rules={[{ required: true, message: t('create.stepNameRequired') }]}
                  >
                    <Input
                      placeholder={t('create.stepName', { n: i + 1 })}
                      style={{ width: 240 }}
                      aria-label={t('create.stepNameLabel', { n: i + 1 })}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'workingDays']}>
                    <InputNumber
                      min={1}
                      max={365}
                      placeholder={t('create.workingDays')}
                      addonAfter={t('create.workingDays')}
                      style={{ width: 150 }}
                      aria-label={t('create.stepDays', { n: i + 1 })}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'deadline']}>
                    <DatePicker
                      placeholder={t('create.stepDeadline')}
                      aria-label={t('create.stepDeadlineLabel', { n: i + 1 })}
                    />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Space>
                <Button icon={<PlusOutlined />} onClick={() => add({ title: '' })}>
                  {t('create.addStep')}
                </Button>
                <Button
                  icon={<ScheduleOutlined />}
                  onClick={() => void schedule()}
                  disabled={fields.length === 0}
                  data-testid="reverse-schedule"
                >
                  {t('create.schedule')}
                </Button>
              </Space>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
