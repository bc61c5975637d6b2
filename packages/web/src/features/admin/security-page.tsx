import { useEffect } from 'react';
import { App, Button, Card, Col, Empty, Form, InputNumber, Popconfirm, Row, Select, Switch, Table } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { SecurityPolicy } from '@leitai/core';
import { Page } from '../../components/page';
import { ApiError } from '../../lib/api';
import { securityPolicyKey, securityPolicyQuery } from './api/get-security-policy';
import { saveSecurityPolicy } from './api/save-security-policy';
import { locksKey, locksQuery, type Lock } from './api/get-locks';
import { unlock as unlockAccount } from './api/unlock';
import { AdminRequestsCard } from './admin-requests-card';

/** The numeric fields, each with a label, a unit suffix and maybe a hint in the catalogue (admin:security.<field>). */
type NumberField =
  | 'passwordMinLength'
  | 'passwordHistory'
  | 'challengeAfterFailures'
  | 'lockAfterFailures'
  | 'lockMinutes'
  | 'sessionIdleMinutes'
  | 'sessionAbsoluteHours'
  | 'uploadQuotaMbPerDay'
  | 'unclaimedFileDays';

/**
 * 安全策略 for the security admin: password rules, lockout and session limits, upload limits, and the accounts
 * locked right now (locked per account and address, so one address cannot lock a user out everywhere).
 */
export function SecurityPage() {
  const { message } = App.useApp();
  const { t } = useTranslation(['admin', 'common']);
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SecurityPolicy>();
  const policy = useQuery(securityPolicyQuery());
  const locks = useQuery(locksQuery());
  useEffect(() => {
    if (policy.data) form.setFieldsValue(policy.data);
  }, [policy.data, form]);
  const fail = (e: unknown) => message.error(e instanceof ApiError ? e.message : t('common:feedback.failed'));

  const save = useMutation({
    mutationFn: saveSecurityPolicy,
    onSuccess: (p) => {
      queryClient.setQueryData(securityPolicyKey, p);
      message.success(t('security.saved'));
    },
    onError: fail,
  });
  const unlock = useMutation({
    mutationFn: unlockAccount,
    onSuccess: async (_, username) => {
      message.success(t('security.unlocked', { username }));
      await queryClient.invalidateQueries({ queryKey: locksKey });
    },
    onError: fail,
  });

  const number = (name: NumberField, min: number, max: number, hint?: string) => {
    const label = t(`security.${name}.label`);
    return (
      <Col xs={24} sm={12}>
        <Form.Item
          name={name}
          label={label}
          extra={hint}
          rules={[{ required: true, message: t('security.required', { label }) }]}
        >
          <InputNumber min={min} max={max} addonAfter={t(`security.${name}.suffix`)} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
    );
  };

  return (
    <Page title={t('security.title')} subtitle={t('security.subtitle')}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('security.policy')} loading={policy.isLoading}>
            <Form<SecurityPolicy> form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
              <Row gutter={12}>
                {number('passwordMinLength', 8, 64)}
                <Col xs={24} sm={12}>
                  <Form.Item
                    name="passwordMinClasses"
                    label={t('security.passwordMinClasses.label')}
                    extra={t('security.passwordMinClasses.hint')}
                  >
                    <Select
                      options={[1, 2, 3, 4].map((n) => ({
                        value: n,
                        label: t('security.passwordMinClasses.option', { count: n }),
                      }))}
                    />
                  </Form.Item>
                </Col>
                {number('passwordHistory', 0, 24, t('security.passwordHistory.hint'))}
                <Col xs={24}>
                  <Form.Item
                    name="passwordMayContainUsername"
                    label={t('security.passwordMayContainUsername')}
                    valuePropName="checked"
                  >
                    <Switch />
                  </Form.Item>
                </Col>
                {number('challengeAfterFailures', 1, 20, t('security.challengeAfterFailures.hint'))}
                {number('lockAfterFailures', 2, 50, t('security.lockAfterFailures.hint'))}
                {number('lockMinutes', 1, 1440)}
                {number('sessionIdleMinutes', 5, 1440)}
                {number('sessionAbsoluteHours', 1, 72)}
                {number('uploadQuotaMbPerDay', 20, 100_000, t('security.uploadQuotaMbPerDay.hint'))}
                {number('unclaimedFileDays', 1, 365, t('security.unclaimedFileDays.hint'))}
                <Col xs={24}>
                  <Form.Item
                    name="sharedAddresses"
                    label={t('security.sharedAddresses.label')}
                    extra={t('security.sharedAddresses.hint')}
                  >
                    <Select mode="tags" tokenSeparators={[',', ' ', '，']} open={false} suffixIcon={null} />
                  </Form.Item>
                </Col>
              </Row>
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                {t('security.save')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('security.locks')} loading={locks.isLoading}>
            {(locks.data?.items.length ?? 0) === 0 ? (
              <Empty description={t('security.noLocks')} />
            ) : (
              <Table<Lock>
                size="small"
                rowKey={(l) => `${l.username}@${l.address}`}
                pagination={false}
                dataSource={locks.data?.items}
                columns={[
                  { title: t('fields.username'), dataIndex: 'username' },
                  { title: t('fields.address'), dataIndex: 'address' },
                  { title: t('security.failures'), dataIndex: 'failures', width: 60 },
                  { title: t('security.until'), dataIndex: 'until', render: (t: string) => dayjs(t).format('HH:mm') },
                  {
                    title: '',
                    width: 70,
                    render: (_, l) => (
                      <Popconfirm
                        title={t('security.confirmUnlock', { username: l.username })}
                        onConfirm={() => unlock.mutate(l.username)}
                      >
                        <Button type="link" size="small">
                          {t('security.unlock')}
                        </Button>
                      </Popconfirm>
                    ),
                  },
                ]}
              />
            )}
          </Card>
        </Col>
        <Col xs={24}>
          <AdminRequestsCard />
        </Col>
      </Row>
    </Page>
  );
}
