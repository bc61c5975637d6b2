import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useNavigate } from 'react-router-dom';
import { api, ApiError } from '../lib/api';
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

  const submit = async (v: Values) => {
    setBusy(true);
    setProblems([]);
    try {
      await api.post('/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      message.success('密码已修改');
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
    <Card title={required ? '首次登录，请先修改密码' : '修改密码'} style={{ maxWidth: 480, margin: required ? '10vh auto' : undefined }}>
      {problems.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={problems.join('；')} />}
      <Form layout="vertical" onFinish={(v: Values) => void submit(v)}>
        <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label="新密码" extra="至少 8 位，包含大写字母、小写字母、数字、符号中的至少 3 类，不能包含用户名" rules={[{ required: true, message: '请输入新密码' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="确认新密码"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value) => (value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          保存
        </Button>
      </Form>
    </Card>
  );
}
