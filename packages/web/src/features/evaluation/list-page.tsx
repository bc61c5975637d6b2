import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { ApiError } from '../../lib/api';
import { Page } from '../../components/page';
import { useCan } from '../../lib/session';
import { createEvaluation } from './api/act';
import { evaluationsKey, useCampaignChoices, useEvaluations } from './api/queries';
import type { EvaluationSummary } from './api/types';
import { STATE_COLOURS } from './state-colours';

interface CreateForm {
  campaignId: number;
  name: string;
  kind: 'half' | 'year' | 'range';
  period: [Dayjs, Dayjs];
  appealDays: number;
  previousId?: number;
}

/** 综合考核: every evaluation the viewer may open; the office creates them. */
export function EvaluationListPage() {
  const { t } = useTranslation('evaluation');
  const { message } = App.useApp();
  const can = useCan();
  const office = can('evaluation.manage');
  const list = useEvaluations();
  const [open, setOpen] = useState(false);
  const campaigns = useCampaignChoices(office && open);
  const [form] = Form.useForm<CreateForm>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const evaluations = list.data?.evaluations ?? [];

  const submit = async (v: CreateForm) => {
    try {
      const { id } = await createEvaluation({
        campaignId: v.campaignId,
        name: v.name,
        kind: v.kind,
        periodFrom: v.period[0].format('YYYY-MM-DD'),
        periodTo: v.period[1].format('YYYY-MM-DD'),
        appealDays: v.appealDays,
        ...(v.previousId ? { previousId: v.previousId } : {}),
      });
      await queryClient.invalidateQueries({ queryKey: evaluationsKey });
      setOpen(false);
      void navigate(`/evaluations/${id}?tab=scheme`);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : t('failed'));
    }
  };

  return (
    <Page
      title={t('title')}
      subtitle={t('subtitle')}
      extra={
        office && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            {t('newEvaluation')}
          </Button>
        )
      }
    >
      <Table<EvaluationSummary>
        rowKey="id"
        loading={list.isLoading}
        dataSource={evaluations}
        pagination={false}
        scroll={{ x: 640 }}
        columns={[
          {
            title: t('columns.name'),
            render: (_, e) => <Link to={`/evaluations/${e.id}`}>{e.name}</Link>,
          },
          { title: t('fields.kind'), dataIndex: 'kindLabel', width: 110 },
          {
            title: t('columns.period'),
            width: 200,
            render: (_, e) => t('periodRange', { from: e.periodFrom, to: e.periodTo }),
          },
          {
            title: t('columns.state'),
            width: 140,
            render: (_, e) => <Tag color={STATE_COLOURS[e.state]}>{e.stateLabel}</Tag>,
          },
          { title: t('columns.versions'), dataIndex: 'versions', width: 100, align: 'right' },
        ]}
      />
      <Modal
        title={t('createTitle')}
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form<CreateForm>
          form={form}
          layout="vertical"
          initialValues={{ kind: 'half', appealDays: 5 }}
          onFinish={(v) => void submit(v)}
        >
          <Form.Item name="campaignId" label={t('fields.campaign')} rules={[{ required: true }]}>
            <Select
              loading={campaigns.isLoading}
              options={(campaigns.data?.campaigns ?? []).map((c) => ({ value: c.id, label: c.name }))}
            />
          </Form.Item>
          <Form.Item name="name" label={t('fields.name')} rules={[{ required: true, min: 2 }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="kind" label={t('fields.kind')}>
            <Select options={(['half', 'year', 'range'] as const).map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
          </Form.Item>
          <Form.Item name="period" label={t('fields.period')} rules={[{ required: true }]}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="appealDays" label={t('fields.appealDays')}>
            <InputNumber min={1} max={30} />
          </Form.Item>
          <Form.Item name="previousId" label={t('fields.previous')}>
            <Select
              allowClear
              options={evaluations.filter((e) => e.state === 'final').map((e) => ({ value: e.id, label: e.name }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Page>
  );
}
