import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Form, Input, Modal, Select } from 'antd';
import { ASSIGNMENT_ROLES } from '@leitai/core';
import { assignEnterprise, useChoices } from './api';
import { useAct } from './use-act';
import type { EnterpriseRow } from './types';

interface Values {
  userId: number;
  role: string;
  reason: string;
}

/** 包保: the office assigns an enterprise to a person; the one before him in the role keeps his history. */
export function AssignButton({ enterprise }: { enterprise: EnterpriseRow }) {
  const { t } = useTranslation('visits');
  const [open, setOpen] = useState(false);
  const { busy, act } = useAct();
  const choices = useChoices(open);
  const [form] = Form.useForm<Values>();
  const submit = async (v: Values) => {
    const ok = await act(
      () => assignEnterprise({ enterpriseId: enterprise.id, ...v, reason: v.reason ?? '' }),
      () => t('enterprises.assigned'),
    );
    if (ok) setOpen(false);
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
