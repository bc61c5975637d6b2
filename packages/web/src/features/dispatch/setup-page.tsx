import { useState } from 'react';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { ExcelImport } from '../../components/excel-import';
import { ApiError } from '../../lib/api';
import { dispatchKey } from './api/keys';
import { useCampaigns, useCurrentCampaign } from './api/get-campaigns';
import { useCampaignDetail, type IndicatorInfo } from './api/get-campaign';
import { useTargets } from './api/get-targets';
import { createCampaign, type NewCampaign as NewCampaignBody } from './api/create-campaign';
import { retireIndicator } from './api/retire-indicator';
import { saveIndicator } from './api/save-indicator';
import { decideTargetChange } from './api/decide-target-change';
import { openPeriod } from './api/open-period';
import { closePeriod } from './api/close-period';
import { IndicatorDialog } from './indicator-dialog';
import { SettingButton } from '../../components/setting-button';
import { DirectSubmitSwitch } from './direct-submit';
import { show } from './tags';

/** 活动与指标: the office's set-up — campaign, indicator list, targets (Excel), reporting months, target change requests. */
export function SetupPage() {
  const { campaign, year } = useCurrentCampaign();
  const detail = useCampaignDetail(campaign?.id, year);
  const client = useQueryClient();
  const { message } = App.useApp();
  const { t } = useTranslation('dispatch');
  const refresh = () => client.invalidateQueries({ queryKey: dispatchKey });
  /** Runs a change and says how it went; false when refused, so a dialog can stay open with what was typed. */
  const act = async (f: () => Promise<unknown>, ok: string): Promise<boolean> => {
    try {
      await f();
      message.success(ok);
      await refresh();
      return true;
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
      return false;
    }
  };
  const [opening, setOpening] = useState(false);
  const [openForm] = Form.useForm<{ period: string; deadline: { format(f: string): string } }>();
  // The indicator in the dialog: 'new' to add one, a row to edit it.
  const [editing, setEditing] = useState<IndicatorInfo | 'new' | null>(null);
  const targets = useTargets(campaign?.id, year);
  const pending = (targets.data?.targets ?? []).filter((t) => t.pendingChange);
  const retireFrom = detail.data?.periods.at(-1)?.period ?? `${year}-12`;
  const indName = new Map((detail.data?.indicators ?? []).map((i) => [i.id, i.name]));
  const openMonth = async () => {
    // An invalid form shows its own messages.
    const v = await openForm.validateFields().catch(() => null);
    if (!v || !campaign) return;
    await act(
      () => openPeriod(campaign.id, v.period, v.deadline.format('YYYY-MM-DD')),
      t('setup.opened', { period: v.period }),
    );
    setOpening(false);
  };
  if (!campaign)
    return (
      <Page title={t('menu.setup')} extra={<NewCampaign onDone={() => void refresh()} />}>
        {null}
      </Page>
    );
  const cid = campaign.id;

  return (
    <Page
      title={t('menu.setup')}
      subtitle={t('setup.subtitle', {
        name: campaign.name,
        from: campaign.startYear,
        to: campaign.endYear,
        phases: campaign.phases.map((p) => t('setup.phase', { name: p.name, from: p.from, to: p.to })).join(''),
      })}
      extra={<NewCampaign onDone={() => void refresh()} />}
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card
          size="small"
          title={t('setup.indicators')}
          extra={<Button onClick={() => setEditing('new')}>{t('setup.addIndicator')}</Button>}
        >
          <Table<IndicatorInfo>
            scroll={{ x: 800 }}
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={detail.data?.indicators ?? []}
            columns={[
              { title: t('fields.indicator'), dataIndex: 'name' },
              { title: t('setup.measure'), dataIndex: 'measure' },
              { title: t('setup.kind'), dataIndex: 'kind', render: (k: IndicatorInfo['kind']) => t(`kinds.${k}`) },
              {
                title: t('setup.rule'),
                key: 'r',
                render: (_, i) =>
                  i.rule.kind === 'ratio'
                    ? t('indicator.ratioShort', { ratio: i.rule.redBelowRatio })
                    : t('indicator.gapShort', { yellow: i.rule.yellowFromPoints, red: i.rule.redFromPoints }),
              },
              {
                title: t('setup.assigned'),
                key: 'a',
                render: (_, i) => t('setup.assignments', { count: i.assignments.length }),
              },
              {
                title: t('fields.status'),
                key: 's',
                render: (_, i) => (
                  <Space size={0}>
                    <Button size="small" type="link" onClick={() => setEditing(i)}>
                      {t('indicator.edit')}
                    </Button>
                    {i.retiredFrom ? (
                      <Space>
                        <Tag>{t('retiredFrom', { period: i.retiredFrom })}</Tag>
                        <Button
                          size="small"
                          type="link"
                          onClick={() => void act(() => retireIndicator(cid, i.id, null), t('setup.restored'))}
                        >
                          {t('setup.restore')}
                        </Button>
                      </Space>
                    ) : (
                      <Popconfirm
                        title={t('setup.confirmRetire', { period: retireFrom, name: i.name })}
                        description={t('setup.retireHint')}
                        onConfirm={() => void act(() => retireIndicator(cid, i.id, retireFrom), t('setup.retired'))}
                      >
                        <Button size="small" type="link">
                          {t('setup.retire')}
                        </Button>
                      </Popconfirm>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        </Card>
        <Card
          size="small"
          title={t('setup.targets', { year })}
          extra={
            <ExcelImport
              title={t('setup.importTargets')}
              templateUrl={`/dispatch/campaigns/${cid}/targets/template?year=${year}`}
              importUrl={`/dispatch/campaigns/${cid}/targets/import?year=${year}`}
              describeResult={(r) => t('setup.targetsSaved', { count: (r as { saved: number }).saved })}
              onImported={() => void refresh()}
            />
          }
        >
          <p>{t('setup.targetsSet', { count: targets.data?.targets.length ?? 0 })}</p>
          <Table
            scroll={{ x: 800 }}
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={pending}
            locale={{ emptyText: t('setup.noChanges') }}
            columns={[
              { title: t('fields.unit'), dataIndex: 'unitName' },
              { title: t('fields.indicator'), key: 'i', render: (_, x) => indName.get(x.indicatorId) },
              { title: t('setup.current'), key: 'o', render: (_, x) => `${show(x.base)} / ${show(x.stretch)}` },
              {
                title: t('setup.requested'),
                key: 'n',
                render: (_, x) => `${show(x.pendingChange!.base)} / ${show(x.pendingChange!.stretch)}`,
              },
              { title: t('setup.reason'), key: 'r', render: (_, x) => x.pendingChange!.reason },
              {
                title: '',
                key: 'x',
                render: (_, x) => (
                  <Space>
                    <Button
                      size="small"
                      type="primary"
                      onClick={() => void act(() => decideTargetChange(x.id, true), t('setup.approved'))}
                    >
                      {t('setup.approve')}
                    </Button>
                    <Button
                      size="small"
                      onClick={() => void act(() => decideTargetChange(x.id, false), t('setup.rejected'))}
                    >
                      {t('setup.reject')}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        </Card>
        <Card
          size="small"
          title={t('setup.months')}
          extra={
            <Space wrap>
              <DirectSubmitSwitch />
              <SettingButton
                setting={{
                  url: '/dispatch/settings',
                  field: 'reminderWorkingDays',
                  min: 0,
                  max: 10,
                  refresh: [],
                  labels: {
                    button: t('reminders.button'),
                    title: t('reminders.title'),
                    label: t('reminders.label'),
                    hint: t('reminders.hint'),
                    unit: t('reminders.unit'),
                    required: t('reminders.required'),
                    saved: t('reminders.saved'),
                  },
                }}
              />
              <Button type="primary" onClick={() => setOpening(true)}>
                {t('setup.openPeriod')}
              </Button>
            </Space>
          }
        >
          <Table
            scroll={{ x: 800 }}
            size="small"
            rowKey="period"
            pagination={false}
            dataSource={[...(detail.data?.periods ?? [])].reverse()}
            columns={[
              { title: t('fields.period'), dataIndex: 'period' },
              { title: t('fields.filingDeadline'), dataIndex: 'deadline' },
              {
                title: t('fields.status'),
                key: 'o',
                render: (_, p) =>
                  p.open ? <Tag color="processing">{t('setup.open')}</Tag> : <Tag>{t('setup.closed')}</Tag>,
              },
              {
                title: t('setup.reopened'),
                dataIndex: 'reopenCount',
                render: (n: number) => (n > 0 ? t('setup.reopenCount', { count: n }) : ''),
              },
              {
                title: '',
                key: 'x',
                render: (_, p) =>
                  p.open ? (
                    <Button
                      size="small"
                      onClick={() => void act(() => closePeriod(cid, p.period), t('setup.closedDone'))}
                    >
                      {t('setup.close')}
                    </Button>
                  ) : (
                    <Button
                      size="small"
                      onClick={() => {
                        openForm.setFieldsValue({ period: p.period });
                        setOpening(true);
                      }}
                    >
                      {t('setup.reopen')}
                    </Button>
                  ),
              },
            ]}
          />
        </Card>
      </Space>
      <Modal
        open={opening}
        title={t('setup.openTitle')}
        onCancel={() => setOpening(false)}
        onOk={() => void openMonth()}
      >
        <Form form={openForm} layout="vertical">
          <Form.Item
            name="period"
            label={t('setup.periodLabel')}
            rules={[{ required: true, pattern: /^\d{4}-(0[1-9]|1[0-2])$/, message: t('setup.periodPattern') }]}
          >
            <Input placeholder="2026-07" />
          </Form.Item>
          <Form.Item
            name="deadline"
            label={t('setup.deadline')}
            rules={[{ required: true, message: t('setup.deadlineRequired') }]}
          >
            <DatePicker />
          </Form.Item>
        </Form>
      </Modal>
      <IndicatorDialog
        open={editing !== null}
        indicator={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSave={async (body) => {
          if (editing === null) return;
          const saved = await act(
            () => saveIndicator(cid, editing === 'new' ? null : editing.id, body),
            t(editing === 'new' ? 'setup.indicatorAdded' : 'indicator.saved'),
          );
          if (saved) setEditing(null);
        }}
      />
    </Page>
  );
}

function NewCampaign({ onDone }: { onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<NewCampaignBody>();
  const list = useCampaigns().data?.campaigns ?? [];
  const { message } = App.useApp();
  const { t } = useTranslation('dispatch');
  const create = async () => {
    // An invalid form shows its own messages.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      const r = await createCampaign(v);
      message.success(
        r.copiedIndicators ? t('campaign.createdCopied', { count: r.copiedIndicators }) : t('campaign.created'),
      );
      setOpen(false);
      onDone();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('campaign.create')}</Button>
      <Modal open={open} title={t('campaign.create')} onCancel={() => setOpen(false)} onOk={() => void create()}>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ startYear: new Date().getFullYear(), endYear: new Date().getFullYear() }}
        >
          <Form.Item
            name="name"
            label={t('campaign.name')}
            rules={[{ required: true, min: 2, message: t('campaign.nameRequired') }]}
          >
            <Input />
          </Form.Item>
          <Space>
            <Form.Item name="startYear" label={t('campaign.startYear')}>
              <InputNumber min={2000} max={2100} />
            </Form.Item>
            <Form.Item name="endYear" label={t('campaign.endYear')}>
              <InputNumber min={2000} max={2100} />
            </Form.Item>
          </Space>
          <Form.Item name="copyFromId" label={t('campaign.copyFrom')}>
            <Select allowClear options={list.map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
