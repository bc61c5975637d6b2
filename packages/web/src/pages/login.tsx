import { useState } from 'react';
import { Alert, Button, Flex, Form, Input, Typography, theme } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/language-switch';
import { ApiError, setCsrfToken } from '../lib/api';
import { fetchMe, meKey } from '../app/api/get-me';
import { signIn } from '../app/api/sign-in';

interface Challenge {
  question: string;
  token: string;
}
interface Values {
  username: string;
  password: string;
  answer?: string;
}

export function LoginPage() {
  const [error, setError] = useState<string | null>(null);
  const [challenge, setChallenge] = useState<Challenge | null>(null);
  const [busy, setBusy] = useState(false);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const { t } = useTranslation();
  const { token } = theme.useToken();

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      const body = {
        username: values.username,
        password: values.password,
        ...(challenge && values.answer !== undefined
          ? { challenge: { token: challenge.token, answer: Number(values.answer) } }
          : {}),
      };
      const { csrfToken } = await signIn(body);
      setCsrfToken(csrfToken);
      // Replace the cached "nobody" before navigating, or the shell would bounce back here.
      queryClient.setQueryData(meKey, await fetchMe());
      void navigate('/', { replace: true });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e.message);
      const next = e.details?.challenge as Challenge | undefined;
      if (next) {
        setChallenge(next);
        form.setFieldValue('answer', undefined);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        background: 'linear-gradient(135deg, #8c1d1d 0%, #c41d1d 55%, #e8684a 100%)',
      }}
    >
      {/* A plain panel, not antd's Card: the Card brings its Tabs along, 13 KB gzip on the first page. */}
      <div
        style={{
          width: 380,
          maxWidth: 'calc(100vw - 24px)',
          padding: 24,
          boxSizing: 'border-box',
          background: token.colorBgContainer,
          borderRadius: token.borderRadiusLG,
          boxShadow: token.boxShadowSecondary,
        }}
      >
        <Flex justify="flex-end">
          <LanguageSwitch />
        </Flex>
        <Typography.Title level={2} style={{ textAlign: 'center', marginBottom: 0, color: '#c41d1d' }}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('app.tagline')}
        </Typography.Paragraph>
        {error && (
          <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="login-error" />
        )}
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          {challenge && (
            <Form.Item
              name="answer"
              label={t('login.challenge', { question: challenge.question })}
              rules={[{ required: true, pattern: /^-?\d+$/, message: t('login.challengeRequired') }]}
            >
              <Input inputMode="numeric" autoComplete="off" />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" block loading={busy} size="large">
            {t('login.submit')}
          </Button>
        </Form>
      </div>
    </div>
  );
}
