import { useState } from 'react';
import { App, Button, Form, InputNumber, Modal } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../lib/api';

/** A setting's query, one per settings route. */
export const settingKey = (url: string) => ['settings', url] as const;

export interface NumberSetting {
  /** The settings route, read with GET and saved with PUT, e.g. '/ledger/settings'. */
  url: string;
  field: string;
  min: number;
  max: number;
  /** Query keys to refresh once saved (what the setting changes). */
  refresh: readonly (readonly unknown[])[];
  labels: { button: string; title: string; label: string; hint: string; unit: string; required: string; saved: string };
}

/** A button that opens a one-number settings form (a window in days, a lead time), saved as the server's setting. */
export function SettingButton({ setting }: { setting: NumberSetting }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Record<string, number>>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const { labels } = setting;
  const current = useQuery({
    queryKey: settingKey(setting.url),
    queryFn: () => api.get<Record<string, number>>(setting.url),
    enabled: open,
  });
  const save = async () => {
    const v = await form.validateFields();
    try {
      // The route replaces the whole setting: the other fields go back as they were.
      await api.put(setting.url, { ...current.data, ...v });
      message.success(labels.saved);
      setOpen(false);
      await client.invalidateQueries({ queryKey: settingKey(setting.url) });
      for (const key of setting.refresh) await client.invalidateQueries({ queryKey: key });
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <>
      <Button icon={<SettingOutlined />} onClick={() => setOpen(true)}>
        {labels.button}
      </Button>
      <Modal open={open} title={labels.title} onCancel={() => setOpen(false)} onOk={() => void save()} destroyOnHidden>
        {current.data && (
          <Form form={form} layout="vertical" initialValues={current.data}>
            <Form.Item
              name={setting.field}
              label={labels.label}
              extra={labels.hint}
              rules={[{ required: true, message: labels.required }]}
            >
              <InputNumber min={setting.min} max={setting.max} precision={0} suffix={labels.unit} />
            </Form.Item>
          </Form>
        )}
      </Modal>
    </>
  );
}
