import { Alert, Modal, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

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
  const { t } = useTranslation('admin');
  return (
    <Modal
      open={issued !== null}
      title={t('oneTime.title')}
      onOk={onClose}
      onCancel={onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
      okText={t('oneTime.ok')}
      width={560}
      maskClosable={false}
    >
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('oneTime.warning')} />
      <Table
        size="small"
        rowKey="username"
        pagination={false}
        dataSource={issued ?? []}
        columns={[
          { title: t('fields.username'), dataIndex: 'username' },
          { title: t('fields.displayName'), dataIndex: 'displayName' },
          {
            title: t('oneTime.password'),
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
