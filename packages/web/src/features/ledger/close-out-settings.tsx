import { useState } from 'react';
import { App, Button, Form, Modal, Radio, Switch } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../lib/api';
import { settingKey } from '../../components/setting-button';
import { ledgerKey } from './api/keys';

const URL = '/ledger/settings';
interface Settings {
  yellowDays: number;
  unfinishedSteps: 'flag' | 'refuse';
  headConfirmsClose: boolean;
}

/** 销号设置: what a close-out request with unfinished steps does, and whether the unit head confirms it first. */
export function CloseOutSettingsButton() {
  const { t } = useTranslation('ledger');
  const { message } = App.useApp();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Settings>();
  const q = useQuery({ queryKey: settingKey(URL), queryFn: () => api.get<Settings>(URL), enabled: open });
  const save = async () => {
    try {
      // The route replaces the whole setting: the other fields go back as they were.
      await api.put(URL, { ...q.data, ...form.getFieldsValue() });
      message.success(t('closeOut.saved'));
      setOpen(false);
      await client.invalidateQueries({ queryKey: settingKey(URL) });
      await client.invalidateQueries({ queryKey: ledgerKey });
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('closeOut.open')}</Button>
      <Modal
        open={open}
        title={t('closeOut.title')}
        onCancel={() => setOpen(false)}
        onOk={() => void save()}
        destroyOnHidden
      >
        {q.data && (
          <Form form={form} layout="vertical" initialValues={q.data}>
            <Form.Item name="unfinishedSteps" label={t('closeOut.unfinished')}>
              <Radio.Group>
                <Radio value="flag">{t('closeOut.flag')}</Radio>
                <Radio value="refuse">{t('closeOut.refuse')}</Radio>
              </Radio.Group>
            </Form.Item>
            <Form.Item
              name="headConfirmsClose"
              label={t('closeOut.headConfirms')}
              extra={t('closeOut.headConfirmsHint')}
              valuePropName="checked"
            >
              <Switch aria-label={t('closeOut.headConfirms')} />
            </Form.Item>
          </Form>
        )}
      </Modal>
    </>
  );
}
