import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Alert, App, Button, Card, Form, Input, Result, Spin, Typography } from 'antd';
import { SUGGESTION_BODY_MAX, SUGGESTION_TITLE_MAX } from '@leitai/core';
import { ApiError } from '../../lib/api';
import { submitPublicIdea, usePublicRound } from './api';

interface Values {
  name: string;
  contact?: string;
  title: string;
  body: string;
}

/** The public's page (no account), from the link or QR the office gives out: one idea per submission. */
export function PublicSuggestionPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation('suggestions');
  const { message } = App.useApp();
  const q = usePublicRound(code);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [form] = Form.useForm<Values>();
  const send = async (v: Values) => {
    setBusy(true);
    try {
      await submitPublicIdea(code, { name: v.name, contact: v.contact ?? '', title: v.title, body: v.body });
      setDone(true);
      form.resetFields();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const r = q.data;
  return (
    <div style={{ maxWidth: 560, margin: '0 auto', padding: 16, boxSizing: 'border-box' }}>
      <Typography.Title level={4}>{r?.title ?? t('public.title')}</Typography.Title>
      {q.isLoading && <Spin />}
      {q.error && <Alert type="error" message={q.error.message} />}
      {r && (
        <>
          <Typography.Paragraph type="secondary">
            {t('public.period', { from: r.opensOn, to: r.closesOn })}
          </Typography.Paragraph>
          {!r.open ? (
            <Alert type="warning" message={t('public.closed')} />
          ) : done ? (
            <Result
              status="success"
              title={t('public.thanks')}
              extra={<Button onClick={() => setDone(false)}>{t('public.again')}</Button>}
            />
          ) : (
            <Card size="small">
              <Form form={form} layout="vertical" onFinish={(v) => void send(v)}>
                <Form.Item name="name" label={t('public.name')} rules={[{ required: true, whitespace: true }]}>
                  <Input maxLength={30} />
                </Form.Item>
                <Form.Item name="contact" label={t('public.contact')}>
                  <Input maxLength={50} />
                </Form.Item>
                <Form.Item name="title" label={t('public.ideaTitle')} rules={[{ required: true, whitespace: true }]}>
                  <Input maxLength={SUGGESTION_TITLE_MAX} />
                </Form.Item>
                <Form.Item name="body" label={t('public.body')} rules={[{ required: true, whitespace: true }]}>
                  <Input.TextArea rows={6} maxLength={SUGGESTION_BODY_MAX} showCount />
                </Form.Item>
                <Button type="primary" htmlType="submit" block loading={busy}>
                  {t('public.submit')}
                </Button>
              </Form>
            </Card>
          )}
        </>
      )}
    </div>
  );
}
