import { useEffect, useState } from 'react';
import {
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Radio,
  Select,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
  TimePicker,
  Typography,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { ApiError } from '../../lib/api';
import { deliveryKey } from './api/keys';
import { robotsQuery, type Robot } from './api/get-robots';
import { createRobot, deleteRobot, updateRobot } from './api/save-robot';
import { deliverySettingsQuery, saveDeliverySettings } from './api/get-settings';
import { deadLettersQuery, retryDeadLetter } from './api/get-dead-letters';
import { unitsQuery } from './api/get-units';

/** 消息推送 for the office: the units' group robots, the quiet hours, the dead letters. */
export function DeliveryPage() {
  const { t } = useTranslation('delivery');
  return (
    <Page title={t('title')} subtitle={t('subtitle')}>
      <Tabs
        items={[
          { key: 'robots', label: t('tabs.robots'), children: <Robots /> },
          { key: 'quiet', label: t('tabs.quiet'), children: <Quiet /> },
          { key: 'dead', label: t('tabs.dead'), children: <DeadLetters /> },
        ]}
      />
    </Page>
  );
}

function useFail() {
  const { message } = App.useApp();
  const { t } = useTranslation('common');
  return (e: unknown) => message.error(e instanceof ApiError ? e.message : t('feedback.failed'));
}

interface RobotForm {
  unitId: number;
  kind: 'wecom' | 'dingtalk';
  name: string;
  webhook?: string;
  secret?: string;
  keywords: string[];
  enabled: boolean;
}

function Robots() {
  const { t } = useTranslation('delivery');
  const { message } = App.useApp();
  const fail = useFail();
  const client = useQueryClient();
  const robots = useQuery(robotsQuery());
  const [editing, setEditing] = useState<Robot | 'new' | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: deliveryKey });
  const remove = useMutation({
    mutationFn: deleteRobot,
    onSuccess: async () => {
      message.success(t('robots.deleted'));
      await refresh();
    },
    onError: fail,
  });
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" onClick={() => setEditing('new')}>
          {t('robots.add')}
        </Button>
      </Space>
      <Table<Robot>
        rowKey="id"
        size="middle"
        loading={robots.isLoading}
        dataSource={robots.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('robots.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        pagination={false}
        columns={[
          { title: t('robots.unit'), dataIndex: 'unitName' },
          { title: t('robots.name'), dataIndex: 'name' },
          { title: t('robots.kind'), dataIndex: 'kind', render: (k: Robot['kind']) => t(`kind.${k}`) },
          {
            title: t('robots.webhook'),
            dataIndex: 'webhook',
            render: (w: string, r) => (
              <Space size={4} wrap>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {w}
                </Typography.Text>
                {r.hasSecret && <Tag>{`${t('robots.secret')}：${t('robots.secretSet')}`}</Tag>}
              </Space>
            ),
          },
          {
            title: t('robots.keywords'),
            dataIndex: 'keywords',
            render: (ks: string[]) => ks.map((k) => <Tag key={k}>{k}</Tag>),
          },
          {
            title: t('robots.state'),
            dataIndex: 'enabled',
            render: (on: boolean) => (
              <Tag color={on ? 'green' : 'default'}>{on ? t('robots.on') : t('robots.off')}</Tag>
            ),
          },
          {
            title: t('robots.actions'),
            key: 'actions',
            render: (_, r) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing(r)}>
                  {t('robots.edit')}
                </Button>
                <Popconfirm title={t('robots.deleteConfirm', { name: r.name })} onConfirm={() => remove.mutate(r.id)}>
                  <Button type="link" size="small" danger>
                    {t('robots.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing && <RobotDialog robot={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function RobotDialog({ robot, onClose }: { robot: Robot | null; onClose: () => void }) {
  const { t } = useTranslation('delivery');
  const { message } = App.useApp();
  const fail = useFail();
  const client = useQueryClient();
  const units = useQuery(unitsQuery());
  const [form] = Form.useForm<RobotForm>();
  const kind = Form.useWatch('kind', form) ?? robot?.kind ?? 'wecom';
  const save = useMutation({
    mutationFn: (v: RobotForm) => {
      const common = { name: v.name, keywords: v.keywords, enabled: v.enabled };
      if (!robot)
        return createRobot({
          ...common,
          unitId: v.unitId,
          kind: v.kind,
          webhook: v.webhook ?? '',
          secret: v.secret || null,
        });
      return updateRobot(robot.id, {
        ...common,
        ...(v.webhook ? { webhook: v.webhook } : {}),
        ...(v.secret ? { secret: v.secret } : {}),
      });
    },
    onSuccess: async () => {
      message.success(t('robots.saved'));
      await client.invalidateQueries({ queryKey: deliveryKey });
      onClose();
    },
    onError: fail,
  });
  const required = (label: string) => [{ required: true, message: t('robots.required', { label }) }];
  return (
    <Modal
      open
      title={robot ? t('robots.edit') : t('robots.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<RobotForm>
        form={form}
        layout="vertical"
        initialValues={
          robot
            ? {
                unitId: robot.unitId,
                kind: robot.kind,
                name: robot.name,
                keywords: robot.keywords,
                enabled: robot.enabled,
              }
            : { kind: 'wecom', keywords: [], enabled: true }
        }
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="unitId" label={t('robots.unit')} rules={required(t('robots.unit'))}>
          <Select
            showSearch
            disabled={robot !== null}
            optionFilterProp="label"
            options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item name="kind" label={t('robots.kind')}>
          <Radio.Group disabled={robot !== null}>
            <Radio value="wecom">{t('kind.wecom')}</Radio>
            <Radio value="dingtalk">{t('kind.dingtalk')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="name" label={t('robots.name')} rules={required(t('robots.name'))}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          name="webhook"
          label={t('robots.webhook')}
          rules={robot ? [] : required(t('robots.webhook'))}
          extra={robot ? `${robot.webhook}（${t('robots.webhookKeep')}）` : undefined}
        >
          <Input placeholder={robot ? t('robots.webhookKeep') : 'https://'} autoComplete="off" />
        </Form.Item>
        {kind === 'dingtalk' && (
          <>
            <Form.Item
              name="secret"
              label={t('robots.secret')}
              extra={
                robot?.hasSecret ? `${t('robots.secretSet')}（${t('robots.webhookKeep')}）` : t('robots.secretHint')
              }
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item name="keywords" label={t('robots.keywords')} extra={t('robots.keywordsHint')}>
              <Select mode="tags" open={false} tokenSeparators={[',', '，', ' ']} />
            </Form.Item>
          </>
        )}
        <Form.Item name="enabled" label={t('robots.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const toTime = (minute: number) => dayjs().startOf('day').add(minute, 'minute');
const toMinute = (d: Dayjs) => d.hour() * 60 + d.minute();

function Quiet() {
  const { t } = useTranslation(['delivery', 'common']);
  const { message } = App.useApp();
  const fail = useFail();
  const client = useQueryClient();
  const settings = useQuery(deliverySettingsQuery());
  const [form] = Form.useForm<{ start: Dayjs; end: Dayjs; holdOnDaysOff: boolean }>();
  useEffect(() => {
    const q = settings.data?.quiet;
    if (q) form.setFieldsValue({ start: toTime(q.start), end: toTime(q.end), holdOnDaysOff: q.holdOnDaysOff });
  }, [settings.data, form]);
  const save = useMutation({
    mutationFn: saveDeliverySettings,
    onSuccess: async () => {
      message.success(t('quiet.saved'));
      await client.invalidateQueries({ queryKey: deliveryKey });
    },
    onError: fail,
  });
  return (
    <Card title={t('quiet.title')} loading={settings.isLoading} style={{ maxWidth: 560 }}>
      <Typography.Paragraph type="secondary">{t('quiet.hint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          save.mutate({ quiet: { start: toMinute(v.start), end: toMinute(v.end), holdOnDaysOff: v.holdOnDaysOff } })
        }
      >
        <Space size={16} wrap>
          <Form.Item name="start" label={t('quiet.start')} rules={[{ required: true }]}>
            <TimePicker format="HH:mm" minuteStep={5} allowClear={false} />
          </Form.Item>
          <Form.Item name="end" label={t('quiet.end')} rules={[{ required: true }]}>
            <TimePicker format="HH:mm" minuteStep={5} allowClear={false} />
          </Form.Item>
        </Space>
        <Form.Item name="holdOnDaysOff" label={t('quiet.holdOnDaysOff')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common:actions.save')}
        </Button>
      </Form>
    </Card>
  );
}

function DeadLetters() {
  const { t } = useTranslation('delivery');
  const { message } = App.useApp();
  const fail = useFail();
  const client = useQueryClient();
  const dead = useQuery(deadLettersQuery());
  const retry = useMutation({
    mutationFn: retryDeadLetter,
    onSuccess: async () => {
      message.success(t('dead.retried'));
      await client.invalidateQueries({ queryKey: deliveryKey });
    },
    onError: fail,
  });
  return (
    <>
      <Typography.Paragraph type="secondary">{t('dead.hint')}</Typography.Paragraph>
      <Table
        rowKey="id"
        size="middle"
        loading={dead.isLoading}
        dataSource={dead.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('dead.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: t('dead.createdAt'),
            dataIndex: 'createdAt',
            render: (d: string) => dayjs(d).format('MM-DD HH:mm'),
          },
          { title: t('dead.channel'), dataIndex: 'channelName' },
          { title: t('dead.to'), dataIndex: 'to' },
          { title: t('dead.title'), dataIndex: 'title' },
          { title: t('dead.attempts'), dataIndex: 'attempts' },
          {
            title: t('dead.error'),
            dataIndex: 'error',
            render: (e: string) => (
              <Typography.Text type="danger" style={{ fontSize: 12 }}>
                {e}
              </Typography.Text>
            ),
          },
          {
            title: t('robots.actions'),
            key: 'actions',
            render: (_, d) =>
              d.actions.includes('retry') && (
                <Button
                  size="small"
                  loading={retry.isPending && retry.variables === d.id}
                  onClick={() => retry.mutate(d.id)}
                >
                  {t('dead.retry')}
                </Button>
              ),
          },
        ]}
      />
    </>
  );
}
