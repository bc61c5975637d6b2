import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { App, Button, Form, Input, Modal, Select } from 'antd';
import { ASSIGNMENT_ROLES } from '@leitai/core';
import { ApiError } from '../../lib/api';
import { assignEnterprise, useChoices, visitsKey } from './api';
import type { EnterpriseRow } from './types';

interface Values {
  userId: number;
  role: string;
  reason: string;
}

/** 包保: the office assigns an enterprise to a person; the one before him in the role keeps his history. */
export function AssignButton({ enterprise }: { enterprise: EnterpriseRow }) {
  const { t } = useTranslation('visits');
  const { message } = App.useApp();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const choices = useChoices(open);
  const [form] = Form.useForm<Values>();
  const submit = async (v: Values) => {
    setBusy(true);
    try {
      await assignEnterprise({ enterpriseId: enterprise.id, ...v, reason: v.reason ?? '' });
      message.success(t('enterprises.assigned'));
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
      <Button size="small" onClick={() => setOpen(true)}>
        {t('enterprises.assign')}
      </Button>
      <Modal
        open={open}
        title={t('enterprises.assignTitle', { name: enterprise.name })}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ role: 'cadre' }} onFinish={(v) => void submit(v)}>
          <Form.Item name="userId" label={t('enterprises.assignee')} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              loading={choices.isLoading}
              options={(choices.data?.people ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.unitName}）` }))}
            />
          </Form.Item>
          <Form.Item name="role" label={t('enterprises.role')}>
            <Select options={ASSIGNMENT_ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))} />
          </Form.Item>
          <Form.Item name="reason" label={t('enterprises.reason')}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
