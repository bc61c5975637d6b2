import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api';
import { changePassword } from '../app/api/change-password';
import { useRefreshSession } from '../app/session';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Also the page a new account lands on: it must change its password before anything else. */
export function ChangePasswordPage({ required = false }: { required?: boolean }) {
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const refresh = useRefreshSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { t } = useTranslation();

  const submit = async (v: Values) => {
    setBusy(true);
    setProblems([]);
    try {
      await changePassword(v.currentPassword, v.newPassword);
      message.success(t('password.changed'));
      await refresh();
      void navigate('/', { replace: true });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setProblems((e.details?.problems as string[] | undefined) ?? [e.message]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {required ? t('password.requiredTitle') : t('password.title')}
        </Typography.Title>
      }
      style={{ maxWidth: 480, margin: required ? '10vh auto' : undefined }}
    >
      {problems.length > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} message={problems.join(t('problemSeparator'))} />
      )}
      <Form layout="vertical" onFinish={(v: Values) => void submit(v)}>
        <Form.Item
          name="currentPassword"
          label={t('password.current')}
          rules={[{ required: true, message: t('password.currentRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.next')}
          extra={t('password.nextHint')}
          rules={[{ required: true, message: t('password.nextRequired') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('actions.save')}
        </Button>
      </Form>
    </Card>
  );
}
