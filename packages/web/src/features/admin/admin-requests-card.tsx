import { useState } from 'react';
import { App, Button, Card, Empty, Form, Input, Modal, Space, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { adminRequestsKey, adminRequestsQuery, decideAdminRequest } from './api/admin-requests';
import { OneTimePasswords, type IssuedPassword } from './one-time-password';
import type { AdminRequest } from './types';

const STATE_COLORS = { pending: 'gold', approved: 'green', refused: 'default' } as const;

/**
 * 管理员账号审批 (三员分立): the system admin's requests to create, change or reset an admin account wait
 * here; approving carries them out, and a new one-time password is shown to the security admin once.
 */
export function AdminRequestsCard() {
  const { t } = useTranslation('admin');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const requests = useQuery(adminRequestsQuery());
  const [deciding, setDeciding] = useState<{ request: AdminRequest; approve: boolean } | null>(null);
  const [issued, setIssued] = useState<IssuedPassword[] | null>(null);
  const [form] = Form.useForm<{ reason: string }>();

  const decide = useMutation({
    mutationFn: ({ id, approve, reason }: { id: number; approve: boolean; reason: string }) =>
      decideAdminRequest(id, approve, reason),
    onSuccess: async (r) => {
      setDeciding(null);
      form.resetFields();
      message.success(t(r.state === 'approved' ? 'requests.approved' : 'requests.refused'));
      if (r.temporaryPassword && r.account) setIssued([{ ...r.account, temporaryPassword: r.temporaryPassword }]);
      await queryClient.invalidateQueries({ queryKey: adminRequestsKey });
    },
    onError: (e) => message.error(e instanceof ApiError ? e.message : t('requests.failed')),
  });

  return (
    <Card title={t('requests.title')} loading={requests.isLoading}>
      {(requests.data?.items.length ?? 0) === 0 ? (
        <Empty description={t('requests.none')} />
      ) : (
        <Table<AdminRequest>
          size="small"
          rowKey="id"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={requests.data?.items}
          scroll={{ x: 640 }}
          columns={[
            { title: t('requests.kind'), dataIndex: 'kindLabel', width: 120 },
            {
              title: t('requests.target'),
              render: (_, r) => (
                <>
                  {r.target}
                  {r.roles.length > 0 && <div style={{ color: '#888', fontSize: 12 }}>{r.roles.join('、')}</div>}
                </>
              ),
            },
            {
              title: t('requests.requestedBy'),
              render: (_, r) => `${r.requestedBy} ${dayjs(r.requestedAt).format('M月D日 HH:mm')}`,
              width: 150,
            },
            {
              title: t('requests.state'),
              width: 150,
              render: (_, r) => (
                <>
                  <Tag color={STATE_COLORS[r.state]}>{t(`requests.states.${r.state}`)}</Tag>
                  {r.reason && <div style={{ fontSize: 12 }}>{r.reason}</div>}
                </>
              ),
            },
            {
              title: '',
              width: 130,
              // On a phone the table scrolls sideways: the decision stays in view.
              fixed: 'right',
              render: (_, r) =>
                r.actions.length > 0 && (
                  <Space size={4}>
                    <Button size="small" type="primary" onClick={() => setDeciding({ request: r, approve: true })}>
                      {t('requests.approve')}
                    </Button>
                    <Button size="small" onClick={() => setDeciding({ request: r, approve: false })}>
                      {t('requests.refuse')}
                    </Button>
                  </Space>
                ),
            },
          ]}
        />
      )}
      <Modal
        open={deciding !== null}
        title={
          deciding
            ? `${t(deciding.approve ? 'requests.approve' : 'requests.refuse')}：${deciding.request.kindLabel}`
            : ''
        }
        onCancel={() => setDeciding(null)}
        okButtonProps={{ loading: decide.isPending }}
        onOk={() =>
          void form
            .validateFields()
            .then(({ reason }) =>
              decide.mutate({ id: deciding!.request.id, approve: deciding!.approve, reason: reason ?? '' }),
            )
        }
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="reason"
            label={t('requests.reason')}
            rules={deciding?.approve ? [] : [{ required: true, message: t('requests.reasonRequired') }]}
          >
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
      <OneTimePasswords issued={issued} onClose={() => setIssued(null)} />
    </Card>
  );
}
