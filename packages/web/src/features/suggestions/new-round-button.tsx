import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, DatePicker, Form, Input, InputNumber, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { PlusOutlined } from '@ant-design/icons';
import { createRound } from './api';
import { useAct } from './use-act';

interface Values {
  title: string;
  dates: [Dayjs, Dayjs];
  topN: number;
}

/** 新建征集: a round of the office, with the default criteria and reward table (the server's). */
export function NewRoundButton({ onCreated }: { onCreated: (id: number) => void }) {
  const { t } = useTranslation('suggestions');
  const [open, setOpen] = useState(false);
  const { busy, act } = useAct();
  const [form] = Form.useForm<Values>();
  const submit = async (v: Values) => {
    let id = 0;
    const ok = await act(
      async () => {
        const r = await createRound({
          title: v.title,
          opensOn: v.dates[0].format('YYYY-MM-DD'),
          closesOn: v.dates[1].format('YYYY-MM-DD'),
          topN: v.topN,
        });
        id = r.id;
        return r;
      },
      () => t('newRound.created'),
    );
    if (ok) {
      setOpen(false);
      onCreated(id);
    }
  };
  return (
    <>
      <Button icon={<PlusOutlined />} onClick={() => setOpen(true)}>
        {t('newRound.button')}
      </Button>
      <Modal
        open={open}
        title={t('newRound.title')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ topN: 10 }}>
          <Form.Item name="title" label={t('newRound.name')} rules={[{ required: true, max: 60 }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="dates" label={t('newRound.dates')} rules={[{ required: true }]}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="topN" label={t('newRound.topN')} rules={[{ required: true }]}>
            <InputNumber min={1} max={500} />
          </Form.Item>
          <Typography.Text type="secondary">{t('newRound.hint')}</Typography.Text>
        </Form>
      </Modal>
    </>
  );
}
