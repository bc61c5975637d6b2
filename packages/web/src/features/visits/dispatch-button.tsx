import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { App, Button, Form, Modal, Select, Typography } from 'antd';
import { ApiError } from '../../lib/api';
import { dispatchRequest, useChoices, visitsKey } from './api';
import type { RequestRow } from './types';

interface Values {
  leadUnitId: number;
  coUnitIds?: number[];
}

/** 分派: the office routes a 诉求 to a lead unit and co-units; the server sets the deadlines from the office's rule. */
export function DispatchButton({ request }: { request: RequestRow }) {
  const { t } = useTranslation('visits');
  const { message } = App.useApp();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const choices = useChoices(open);
  const [form] = Form.useForm<Values>();
  const units = (choices.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }));
  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const r = await dispatchRequest(request.id, { leadUnitId: v.leadUnitId, coUnitIds: v.coUnitIds ?? [] });
      message.success(t('requests.dispatched', { deadline: r.deadline }));
      setOpen(false);
      await client.invalidateQueries({ queryKey: visitsKey });
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" type="primary" onClick={() => setOpen(true)}>
        {t('requests.dispatch')}
      </Button>
      <Modal
        open={open}
        title={t('requests.dispatchTitle', { name: request.enterpriseName })}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Typography.Paragraph>{request.content}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item name="leadUnitId" label={t('requests.leadUnit')} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" loading={choices.isLoading} options={units} />
          </Form.Item>
          <Form.Item name="coUnitIds" label={t('requests.coUnits')}>
            <Select mode="multiple" showSearch optionFilterProp="label" options={units} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
