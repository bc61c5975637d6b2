import { useEffect } from 'react';
import { App, Button, Card, Col, Empty, Form, InputNumber, Popconfirm, Row, Select, Switch, Table } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { SecurityPolicy } from '@leitai/core';
import { Page } from '../../components/page';
import { api, ApiError } from '../../lib/api';

interface Lock {
  username: string;
  address: string;
  failures: number;
  until: string;
}

/**
 * 安全策略 for the security admin: password rules, lockout and session limits, and the accounts
 * locked right now (locked per account and address, so one address cannot lock a user out everywhere).
 */
export function SecurityPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SecurityPolicy>();
  const policy = useQuery({ queryKey: ['security', 'policy'], queryFn: () => api.get<SecurityPolicy>('/security/policy') });
  const locks = useQuery({ queryKey: ['security', 'locks'], queryFn: () => api.get<{ items: Lock[] }>('/security/locks'), refetchInterval: 30_000 });
  useEffect(() => {
    if (policy.data) form.setFieldsValue(policy.data);
  }, [policy.data, form]);
  const fail = (e: unknown) => message.error(e instanceof ApiError ? e.message : '操作失败');

  const save = useMutation({
    mutationFn: (p: SecurityPolicy) => api.put<SecurityPolicy>('/security/policy', p),
    onSuccess: (p) => {
      queryClient.setQueryData(['security', 'policy'], p);
      message.success('安全策略已保存，新登录和新密码即按此执行');
    },
    onError: fail,
  });
  const unlock = useMutation({
    mutationFn: (username: string) => api.post('/security/unlock', { username }),
    onSuccess: async (_, username) => {
      message.success(`已解除 ${username} 的锁定`);
      await queryClient.invalidateQueries({ queryKey: ['security', 'locks'] });
    },
    onError: fail,
  });

  const number = (name: keyof SecurityPolicy, label: string, min: number, max: number, unit: string, extra?: string) => (
    <Col xs={24} sm={12}>
      <Form.Item name={name} label={label} extra={extra} rules={[{ required: true, message: `请填写${label}` }]}>
        <InputNumber min={min} max={max} addonAfter={unit} style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );

  return (
    <Page title="安全策略" subtitle="密码规则、登录失败锁定与会话时限。每次修改都记入审计日志。">
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title="策略" loading={policy.isLoading}>
            <Form<SecurityPolicy> form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
              <Row gutter={12}>
                {number('passwordMinLength', '密码最短长度', 8, 64, '位')}
                <Col xs={24} sm={12}>
                  <Form.Item name="passwordMinClasses" label="字符类别" extra="大写字母、小写字母、数字、符号中至少几类">
                    <Select options={[1, 2, 3, 4].map((n) => ({ value: n, label: `至少 ${n} 类` }))} />
                  </Form.Item>
                </Col>
                <Col xs={24}>
                  <Form.Item name="passwordMayContainUsername" label="允许密码包含用户名" valuePropName="checked">
                    <Switch />
                  </Form.Item>
                </Col>
                {number('challengeAfterFailures', '出现验证码', 1, 20, '次失败后', '同一地址连续失败达到此数后须答验证题，须小于锁定次数')}
                {number('lockAfterFailures', '锁定账号', 2, 50, '次失败后', '只锁定该账号在该地址的登录')}
                {number('lockMinutes', '锁定时长', 1, 1440, '分钟')}
                {number('sessionIdleMinutes', '空闲超时', 5, 1440, '分钟')}
                {number('sessionAbsoluteHours', '会话最长', 1, 72, '小时')}
              </Row>
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                保存策略
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title="当前被锁定的账号" loading={locks.isLoading}>
            {(locks.data?.items.length ?? 0) === 0 ? (
              <Empty description="没有被锁定的账号" />
            ) : (
              <Table<Lock>
                size="small"
                rowKey={(l) => `${l.username}@${l.address}`}
                pagination={false}
                dataSource={locks.data?.items}
                columns={[
                  { title: '用户名', dataIndex: 'username' },
                  { title: '地址', dataIndex: 'address' },
                  { title: '失败', dataIndex: 'failures', width: 60 },
                  { title: '锁定至', dataIndex: 'until', render: (t: string) => dayjs(t).format('HH:mm') },
                  {
                    title: '',
                    width: 70,
                    render: (_, l) => (
                      <Popconfirm title={`解除 ${l.username} 的锁定？`} onConfirm={() => unlock.mutate(l.username)}>
                        <Button type="link" size="small">
                          解锁
                        </Button>
                      </Popconfirm>
                    ),
                  },
                ]}
              />
            )}
          </Card>
        </Col>
      </Row>
    </Page>
  );
}
