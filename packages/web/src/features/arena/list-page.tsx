import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Drawer, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { arenasKey, arenasQuery } from './api/get-arenas';
import { unitOptionsQuery } from './api/get-unit-options';
import { campaignOptionsQuery } from './api/get-campaign-options';
import { createArena } from './api/create-arena';
import { Page } from '../../components/page';
import { useCan } from '../../lib/session';
import { useCriterionName } from './labels';
import { DEFAULT_CRITERIA } from '@leitai/core';
import { STATUS_COLOR, type ArenaSummary } from './types';

/** 擂台赛 list; organisers create an arena here and go to its host console. */
export function ArenaListPage() {
  const { t } = useTranslation(['arena', 'common']);
  const can = useCan();
  const [open, setOpen] = useState(false);
  const list = useQuery(arenasQuery());
  const manage = can('arena.manage');
  const rows = list.data ?? [];
  // An office lists its own arenas and those of the offices below it: then a column says whose each is.
  const offices = [...new Map(rows.map((a) => [a.office.id, a.office.name])).entries()];
  return (
    <Page
      title={t('menu.list')}
      subtitle={t('common:app.tagline')}
      extra={
        manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="new-arena">
            {t('list.create')}
          </Button>
        )
      }
    >
      <Table
        scroll={{ x: 900 }}
        rowKey="id"
        loading={list.isLoading}
        dataSource={rows}
        columns={[
          { title: t('list.title'), dataIndex: 'title', width: 220 },
          ...(offices.length > 1
            ? [
                {
                  title: t('list.office'),
                  dataIndex: ['office', 'name'],
                  width: 120,
                  filters: offices.map(([id, name]) => ({ text: name, value: id })),
                  onFilter: (value: unknown, a: ArenaSummary) => a.office.id === value,
                },
              ]
            : []),
          {
            title: t('list.campaign'),
            dataIndex: 'campaign',
            render: (c: ArenaSummary['campaign']) => c?.name ?? t('list.noCampaign'),
          },
          { title: t('list.heldOn'), dataIndex: 'heldOn', width: 120 },
          { title: t('list.contestants'), dataIndex: 'contestants', width: 80 },
          {
            title: t('list.status'),
            dataIndex: 'status',
            width: 100,
            render: (s: ArenaSummary['status']) => <Tag color={STATUS_COLOR[s]}>{t(`status.${s}`)}</Tag>,
          },
          { title: t('list.seed'), dataIndex: 'seed', width: 140, render: (s: string | null) => s ?? '—' },
          {
            title: '',
            width: 180,
            render: (_: unknown, a: ArenaSummary) => (
              <Space>
                {a.manageable && <Link to={`/arenas/${a.id}/brief`}>{t('list.brief')}</Link>}
                {a.manageable && <Link to={`/arenas/${a.id}/host`}>{t('list.host')}</Link>}
                {(a.manageable || a.status === 'finished') && (
                  <Link to={`/arenas/${a.id}/result`}>{t('list.result')}</Link>
                )}
              </Space>
            ),
          },
        ]}
      />
      {manage && <CreateDrawer open={open} onClose={() => setOpen(false)} />}
    </Page>
  );
}

interface FormValues {
  campaignId?: number;
  title: string;
  heldOn: Dayjs;
  speakingMinutes: number;
  contestants: number[];
  groups: { id: string; weight: number }[];
  judges: { name: string; groupId: string; unitId?: number }[];
}

function CreateDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('arena');
  const criterionName = useCriterionName();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const units = useQuery({ ...unitOptionsQuery(), enabled: open });
  // The arena's scores feed its campaign's evaluation; an arena may also stand alone.
  const campaigns = useQuery({ ...campaignOptionsQuery(), enabled: open });
  const groups = Form.useWatch('groups', form) ?? [];
  const options = (units.data ?? []).map((u) => ({
    value: u.id,
    label: u.category ? t('create.unitOption', { name: u.name, category: u.category }) : u.name,
  }));
  const submit = async (v: FormValues) => {
    try {
      const { id } = await createArena({
        campaignId: v.campaignId ?? null,
        title: v.title,
        heldOn: v.heldOn.format('YYYY-MM-DD'),
        speakingSeconds: Math.round(v.speakingMinutes * 60),
        groups: v.groups,
        contestants: v.contestants.map((unitId) => ({ unitId })),
        judges: v.judges.map((j) => ({ name: j.name, groupId: j.groupId, unitId: j.unitId ?? null })),
      });
      message.success(t('create.created'));
      void client.invalidateQueries({ queryKey: arenasKey });
      onClose();
      void navigate(`/arenas/${id}/host`);
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={720}
      title={t('create.title')}
      extra={
        <Button type="primary" onClick={() => form.submit()}>
          {t('create.submit')}
        </Button>
      }
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{
          speakingMinutes: 5,
          groups: [
            { id: t('create.defaultGroups.leaders'), weight: 0.5 },
            { id: t('create.defaultGroups.experts'), weight: 0.3 },
            { id: t('create.defaultGroups.public'), weight: 0.2 },
          ],
          judges: [{ name: '', groupId: t('create.defaultGroups.leaders') }],
        }}
      >
        <Form.Item name="campaignId" label={t('create.campaign')} extra={t('create.campaignHint')}>
          <Select
            allowClear
            placeholder={t('list.noCampaign')}
            loading={campaigns.isLoading}
            options={(campaigns.data?.campaigns ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('create.name')}
          rules={[{ required: true, message: t('create.nameRequired') }]}
        >
          <Input placeholder={t('create.namePlaceholder')} />
        </Form.Item>
        <Space>
          <Form.Item
            name="heldOn"
            label={t('create.heldOn')}
            rules={[{ required: true, message: t('create.heldOnRequired') }]}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item name="speakingMinutes" label={t('create.speakingMinutes')} rules={[{ required: true }]}>
            <InputNumber min={0.5} max={60} step={0.5} />
          </Form.Item>
        </Space>
        <Form.Item
          name="contestants"
          label={t('create.contestants')}
          rules={[{ required: true, message: t('create.contestantsRequired') }]}
          extra={t('create.criteriaHint', {
            list: DEFAULT_CRITERIA.map(({ id, max }) =>
              t('create.criterionMax', { name: criterionName(id), max }),
            ).join(' / '),
          })}
        >
          <Select
            mode="multiple"
            options={options}
            optionFilterProp="label"
            placeholder={t('create.contestantsPlaceholder')}
          />
        </Form.Item>
        <Form.List name="groups">
          {(fields, { add, remove }) => (
            <Form.Item label={t('create.groups')}>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'id']} rules={[{ required: true, message: t('create.groupName') }]}>
                    <Input placeholder={t('create.groupName')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'weight']} rules={[{ required: true, message: t('create.weight') }]}>
                    <InputNumber min={0.01} max={1} step={0.05} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ id: '', weight: 0.1 })} icon={<PlusOutlined />}>
                {t('create.addGroup')}
              </Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.List name="judges">
          {(fields, { add, remove }) => (
            <Form.Item label={t('create.judges')}>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: t('create.judgeName') }]}>
                    <Input placeholder={t('create.judgeName')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'groupId']} rules={[{ required: true, message: t('create.judgeGroup') }]}>
                    <Select
                      style={{ width: 130 }}
                      options={groups.filter((g) => g?.id).map((g) => ({ value: g.id, label: g.id }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'unitId']}>
                    <Select
                      style={{ width: 200 }}
                      allowClear
                      showSearch
                      optionFilterProp="label"
                      placeholder={t('create.judgeUnit')}
                      options={options}
                    />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ name: '', groupId: groups[0]?.id })} icon={<PlusOutlined />}>
                {t('create.addJudge')}
              </Button>
            </Form.Item>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
