import { Alert, Modal, Table, Typography } from 'antd';

export interface IssuedPassword {
  username: string;
  displayName: string;
  temporaryPassword: string;
}

/**
 * Shows one-time passwords once: the server keeps only their hashes, so closing this dialog is the
 * last chance to pass them on. The users must change them at first sign-in.
 */
export function OneTimePasswords({ issued, onClose }: { issued: IssuedPassword[] | null; onClose: () => void }) {
  return (
    <Modal open={issued !== null} title="初始密码（仅显示一次）" onOk={onClose} onCancel={onClose} cancelButtonProps={{ style: { display: 'none' } }} okText="我已记下" width={560} maskClosable={false}>
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="关闭后无法再次查看，请立即复制并当面或通过安全渠道转交。对方首次登录时必须修改密码。" />
      <Table
        size="small"
        rowKey="username"
        pagination={false}
        dataSource={issued ?? []}
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'displayName' },
          {
            title: '初始密码',
            dataIndex: 'temporaryPassword',
            render: (p: string) => (
              <Typography.Text code copyable data-testid="temporary-password">
                {p}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Modal>
  );
}
