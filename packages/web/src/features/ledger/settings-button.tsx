import { useState } from 'react';
import { App, Button, Form, InputNumber, Modal } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../lib/api';

interface LedgerSettings {
  yellowDays: number;
}

/** 提醒设置: the office sets how many days before a deadline an item turns yellow (临期). */
export function LedgerSettingsButton() {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<LedgerSettings>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const { t } = useTranslation('ledger');
  const current = useQuery({ queryKey: ['ledger', 'settings'], queryFn: () => api.get<LedgerSettings>('/ledger/settings'), enabled: open });
  const save = async () => {
    const v = await form.validateFields();
    try {
      await api.put('/ledger/settings', v);
      message.success(t('settings.saved'));
      setOpen(false);
      await client.invalidateQueries({ queryKey: ['ledger'] });
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <>
      <Button icon={<SettingOutlined />} onClick={() => setOpen(true)}>
        {t('settings.open')}
      </Button>
      <Modal open={open} title={t('settings.title')} onCancel={() => setOpen(false)} onOk={() => void save()} destroyOnHidden>
        {current.data && (
          <Form form={form} layout="vertical" initialValues={current.data}>
            <Form.Item name="yellowDays" label={t('settings.yellowDays')} extra={t('settings.yellowHint')} rules={[{ required: true, message: t('settings.required') }]}>
              <InputNumber min={0} max={30} precision={0} suffix={t('settings.days')} />
            </Form.Item>
          </Form>
        )}
      </Modal>
    </>
  );
}
