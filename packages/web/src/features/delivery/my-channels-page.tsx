import { useEffect } from 'react';
import { App, Button, Card, Form, Input, Switch, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { ApiError } from '../../lib/api';
import { myChannelsKey, myChannelsQuery, saveMyChannels, type MyChannels } from './api/my-channels';

type Values = Omit<MyChannels, 'available'>;

/** 通知方式: one's own SMS number and mailbox, each on or off (only the channels this deployment has). */
export function MyChannelsPage() {
  const { t } = useTranslation(['delivery', 'common']);
  const { message } = App.useApp();
  const client = useQueryClient();
  const q = useQuery(myChannelsQuery());
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (q.data) form.setFieldsValue(q.data);
  }, [q.data, form]);
  const save = useMutation({
    mutationFn: saveMyChannels,
    onSuccess: (data) => {
      client.setQueryData(myChannelsKey, data);
      message.success(t('mine.saved'));
    },
    onError: (e) => message.error(e instanceof ApiError ? e.message : t('common:feedback.failed')),
  });
  const available = q.data?.available ?? { sms: false, email: false };
  const off = <Typography.Text type="secondary">{t('mine.unavailable')}</Typography.Text>;
  return (
    <Page title={t('mine.title')} subtitle={t('mine.subtitle')}>
      <Card loading={q.isLoading} style={{ maxWidth: 560 }}>
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={(v) =>
            save.mutate({ phone: v.phone || null, smsOn: v.smsOn, email: v.email || null, emailOn: v.emailOn })
          }
        >
          <Form.Item name="phone" label={t('mine.phone')}>
            <Input maxLength={11} inputMode="numeric" autoComplete="tel" />
          </Form.Item>
          <Form.Item name="smsOn" label={t('mine.sms')} valuePropName="checked" extra={available.sms ? undefined : off}>
            <Switch disabled={!available.sms} />
          </Form.Item>
          <Form.Item name="email" label={t('mine.email')}>
            <Input maxLength={200} autoComplete="email" />
          </Form.Item>
          <Form.Item
            name="emailOn"
            label={t('mine.emailOn')}
            valuePropName="checked"
            extra={available.email ? undefined : off}
          >
            <Switch disabled={!available.email} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('common:actions.save')}
          </Button>
        </Form>
      </Card>
    </Page>
  );
}
