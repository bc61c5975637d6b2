import { useEffect } from 'react';
import { Alert, Form, Input, Modal, Select, TreeSelect } from 'antd';
import { ADMIN_ROLES, roleSetProblem, type Role } from '@leitai/core';
import { ROLE_LABELS } from '../../app/labels';
import type { TreeNode, User } from './api';

export interface UserFormValues {
  username: string;
  displayName: string;
  unitId: number;
  roles: Role[];
  overseenUnitIds: number[];
  phone: string | null;
}

/** Core's role-set rule in the words the form shows (the server gives the same answer). */
const ROLE_SET_MESSAGES: Record<string, string> = {
  'at least one role is required': '至少选择一个角色',
  'admin roles are separate: one account holds at most one of sysadmin, secadmin, auditor': '三员分立：一个账号最多担任系统、安全、审计管理员中的一个',
  'an admin account holds no other role': '三员分立：管理员账号不能兼任其他角色',
};

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
  const roles = Form.useWatch('roles', form) ?? [];
  const isSelf = user?.id === self;
  // Roles held that the signed-in user could not give (an organiser looking at an admin) stay visible but fixed.
  const options = [...new Set<Role>([...assignable, ...(user?.roles ?? [])])].map((r) => ({ value: r, label: ROLE_LABELS[r], disabled: !assignable.includes(r) }));

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (user) form.setFieldsValue({ username: user.username, displayName: user.displayName, unitId: user.unitId, roles: user.roles, overseenUnitIds: user.overseenUnitIds, phone: user.phone });
  }, [open, user, form]);

  return (
    <Modal open={open} title={user ? `编辑账号：${user.username}` : '新建账号'} onCancel={onClose} onOk={() => form.submit()} okText={user ? '保存' : '建立'} confirmLoading={saving} destroyOnHidden width={560}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form<UserFormValues> form={form} layout="vertical" onFinish={onSave} initialValues={{ roles: [], overseenUnitIds: [] }}>
        <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请填写用户名' }, { pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$/, message: '2–40 位字母、数字、点、下划线或横线' }]}>
          <Input disabled={user !== null} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="unitId" label="所属单位" rules={[{ required: true, message: '请选择所属单位' }]}>
          <TreeSelect treeData={units} showSearch treeNodeFilterProp="title" treeDefaultExpandAll placeholder="选择单位" />
        </Form.Item>
        <Form.Item
          name="roles"
          label="角色"
          extra={isSelf ? '不能修改自己的角色。' : '系统、安全、审计管理员只能单独担任，且只有系统管理员可以授予（三员分立）。'}
          rules={[
            {
              validator: async (_, value: Role[] = []) => {
                const problem = roleSetProblem(value);
                if (problem) throw new Error(ROLE_SET_MESSAGES[problem] ?? problem);
              },
            },
          ]}
        >
          <Select mode="multiple" options={options} disabled={isSelf} placeholder="选择角色" optionFilterProp="label" />
        </Form.Item>
        {roles.includes('leader') && (
          <Form.Item name="overseenUnitIds" label="分管单位" extra="区领导可查看分管单位及其下级的数据。">
            <TreeSelect treeData={units} multiple treeCheckable showCheckedStrategy={TreeSelect.SHOW_PARENT} showSearch treeNodeFilterProp="title" placeholder="选择分管单位" />
          </Form.Item>
        )}
        {roles.some((r) => ADMIN_ROLES.includes(r)) && <Alert type="info" showIcon message="管理员账号只做管理工作，不参与考核业务。" style={{ marginBottom: 12 }} />}
        <Form.Item name="phone" label="手机" rules={[{ pattern: /^[0-9+\- ]{0,20}$/, message: '电话号码格式不正确' }]}>
          <Input maxLength={20} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
