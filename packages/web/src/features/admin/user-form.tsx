import { useEffect } from 'react';
import { Alert, Form, Input, Modal, Select, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { ADMIN_ROLES, roleSetProblem, type Role } from '@leitai/core';
import { useRoleNames } from '../../i18n/roles';
import type { User } from './types';
import type { TreeNode } from './unit-tree';

export interface UserFormValues {
  username: string;
  displayName: string;
  unitId: number;
  roles: Role[];
  overseenUnitIds: number[];
  phone: string | null;
}

/** Core's role-set rule in the words the form shows (the server gives the same answer): problem → admin:userForm.roleSet.* */
const ROLE_SET_MESSAGES = {
  'at least one role is required': 'atLeastOne',
  'admin roles are separate: one account holds at most one of sysadmin, secadmin, auditor': 'oneAdmin',
  'an admin account holds no other role': 'adminAlone',
} as const;
const isKnownProblem = (p: string): p is keyof typeof ROLE_SET_MESSAGES => Object.hasOwn(ROLE_SET_MESSAGES, p);

/** Create or edit an account. Roles offered are the ones the signed-in user may hand out; one's own roles are fixed. */
export function UserFormModal({
  open,
  user,
  units,
  assignable,
  self,
  saving,
  error,
  onSave,
  onClose,
}: {
  open: boolean;
  user: User | null;
  units: TreeNode[];
  assignable: Role[];
  self: number;
  saving: boolean;
  error: string | null;
  onSave: (values: UserFormValues) => void;
  onClose: () => void;
}) {
  const [form] = Form.useForm<UserFormValues>();
  const { t } = useTranslation(['admin', 'common']);
  const roleNames = useRoleNames();
  const roles = Form.useWatch('roles', form) ?? [];
  const isSelf = user?.id === self;
  // Roles held that the signed-in user could not give (an organiser looking at an admin) stay visible but fixed.
  const options = [...new Set<Role>([...assignable, ...(user?.roles ?? [])])].map((r) => ({
    value: r,
    label: roleNames.name(r),
    disabled: !assignable.includes(r),
  }));

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (user)
      form.setFieldsValue({
        username: user.username,
        displayName: user.displayName,
        unitId: user.unitId,
        roles: user.roles,
        overseenUnitIds: user.overseenUnitIds,
        phone: user.phone,
      });
  }, [open, user, form]);

  return (
    <Modal
      open={open}
      title={user ? t('userForm.editTitle', { username: user.username }) : t('userForm.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={user ? t('common:actions.save') : t('userForm.create')}
      confirmLoading={saving}
      destroyOnHidden
      width={560}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form<UserFormValues>
        form={form}
        layout="vertical"
        onFinish={onSave}
        initialValues={{ roles: [], overseenUnitIds: [] }}
      >
        <Form.Item
          name="username"
          label={t('fields.username')}
          rules={[
            { required: true, message: t('userForm.usernameRequired') },
            { pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$/, message: t('userForm.usernamePattern') },
          ]}
        >
          <Input disabled={user !== null} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('fields.displayName')}
          rules={[{ required: true, whitespace: true, message: t('userForm.displayNameRequired') }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t('fields.unit')}
          rules={[{ required: true, message: t('userForm.unitRequired') }]}
        >
          <TreeSelect
            treeData={units}
            showSearch
            treeNodeFilterProp="title"
            treeDefaultExpandAll
            placeholder={t('userForm.unitPlaceholder')}
          />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('fields.roles')}
          extra={isSelf ? t('userForm.ownRoles') : t('userForm.rolesHint')}
          rules={[
            {
              validator: async (_, value: Role[] = []) => {
                const problem = roleSetProblem(value);
                if (problem)
                  throw new Error(
                    isKnownProblem(problem) ? t(`userForm.roleSet.${ROLE_SET_MESSAGES[problem]}`) : problem,
                  );
              },
            },
          ]}
        >
          <Select
            mode="multiple"
            options={options}
            disabled={isSelf}
            placeholder={t('userForm.rolesPlaceholder')}
            optionFilterProp="label"
          />
        </Form.Item>
        {roles.includes('leader') && (
          <Form.Item name="overseenUnitIds" label={t('userForm.overseen')} extra={t('userForm.overseenHint')}>
            <TreeSelect
              treeData={units}
              multiple
              treeCheckable
              showCheckedStrategy={TreeSelect.SHOW_PARENT}
              showSearch
              treeNodeFilterProp="title"
              placeholder={t('userForm.overseenPlaceholder')}
            />
          </Form.Item>
        )}
        {roles.some((r) => ADMIN_ROLES.includes(r)) && (
          <Alert type="info" showIcon message={t('userForm.adminOnly')} style={{ marginBottom: 12 }} />
        )}
        <Form.Item
          name="phone"
          label={t('userForm.phone')}
          rules={[{ pattern: /^[0-9+\- ]{0,20}$/, message: t('userForm.phonePattern') }]}
        >
          <Input maxLength={20} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
