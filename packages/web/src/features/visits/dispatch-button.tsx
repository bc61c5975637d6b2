import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Form, Modal, Select, Typography } from 'antd';
import { dispatchRequest, useChoices } from './api';
import { useAct } from './use-act';
import type { RequestRow } from './types';

interface Values {
  leadUnitId: number;
  coUnitIds?: number[];
}

/** 分派: the office routes a 诉求 to a lead unit and co-units; the server sets the deadlines from the office's rule. */
export function DispatchButton({ request }: { request: RequestRow }) {
  const { t } = useTranslation('visits');
  const [open, setOpen] = useState(false);
  const { busy, act } = useAct();
  const choices = useChoices(open);
  const [form] = Form.useForm<Values>();
  const units = (choices.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }));
  const submit = async (v: Values) => {
    const ok = await act(
      () => dispatchRequest(request.id, { leadUnitId: v.leadUnitId, coUnitIds: v.coUnitIds ?? [] }),
      (r) => t('requests.dispatched', { deadline: r.deadline }),
    );
    if (ok) setOpen(false);
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
