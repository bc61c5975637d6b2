import { useMemo, useState } from 'react';
import { App, Button, Card, Flex, Input, Popconfirm, Select, Space, Table, Tag, TreeSelect } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '@leitai/core';
import { Page } from '../../components/page';
import { ExcelImport } from '../../components/excel-import';
import { useNarrow } from '../../components/use-narrow';
import { useRoleNames } from '../../i18n/roles';
import { ApiError } from '../../lib/api';
import { isPending, type User } from './types';
import { unitTree } from './unit-tree';
import { unitsQuery } from './api/get-units';
import { usersKey, usersQuery, type UsersFilter } from './api/get-users';
import { usersMetaQuery } from './api/get-users-meta';
import { createUser } from './api/create-user';
import { updateUser } from './api/update-user';
import { resetPassword } from './api/reset-password';
import { exportUsers } from './api/export-users';
import { OneTimePasswords, type IssuedPassword } from './one-time-password';
import { UserFormModal, type UserFormValues } from './user-form';

const PAGE_SIZE = 20;

/**
 * 用户管理: search and page through accounts, create them (the one-time password is shown once),
 * change unit and roles, reset a password (ends that user's sessions), disable and enable.
 */
export function UsersPage() {
  const { message } = App.useApp();
  const { t } = useTranslation(['admin', 'common']);
  const roleNames = useRoleNames();
  const narrow = useNarrow();
  const width = (w: number) => ({ width: narrow ? '100%' : w });
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<UsersFilter>({ page: 1 });
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [issued, setIssued] = useState<IssuedPassword[] | null>(null);

  const meta = useQuery(usersMetaQuery());
  const units = useQuery(unitsQuery());
  const list = useQuery(usersQuery(filter, PAGE_SIZE));
  const tree = useMemo(() => unitTree((units.data?.items ?? []).filter((u) => u.active)), [units.data]);
  const manage = meta.data?.canManage ?? false;
  const refresh = () => queryClient.invalidateQueries({ queryKey: usersKey });
  const fail = (e: unknown) => message.error(e instanceof ApiError ? e.message : t('common:feedback.failed'));

  const save = useMutation({
    mutationFn: async (v: UserFormValues) => {
      const body = {
        displayName: v.displayName,
        unitId: v.unitId,
        roles: v.roles,
        overseenUnitIds: v.roles.includes('leader') ? (v.overseenUnitIds ?? []) : [],
        phone: v.phone || null,
      };
      if (editing === 'new') {
        const created = await createUser({ ...body, username: v.username });
        if (isPending(created)) {
          message.info(created.pending.message);
          return;
        }
        setIssued([
          {
            username: created.user.username,
            displayName: created.user.displayName,
            temporaryPassword: created.temporaryPassword,
          },
        ]);
        return;
      }
      if (editing === null) return;
      const { roles, ...rest } = body;
      // One's own roles are not sent: the server refuses any change to them.
      const same = roles.length === editing.roles.length && roles.every((r) => editing.roles.includes(r));
      const updated = await updateUser(editing.id, same ? rest : body);
      if (isPending(updated)) message.info(updated.pending.message);
      else message.success(t('common:feedback.saved'));
    },
    onSuccess: async () => {
      setEditing(null);
      await refresh();
    },
    onError: (e) => setFormError(e instanceof ApiError ? e.message : t('common:feedback.saveFailed')),
  });

  const reset = useMutation({
    mutationFn: (u: User) => resetPassword(u.id).then((r) => ({ u, r })),
    onSuccess: async ({ u, r }) => {
      if (isPending(r)) message.info(r.pending.message);
      else setIssued([{ username: u.username, displayName: u.displayName, temporaryPassword: r.temporaryPassword }]);
      await refresh();
    },
    onError: fail,
  });

  const toggle = useMutation({
    mutationFn: (u: User) => updateUser(u.id, { active: !u.active }),
    onSuccess: async (u) => {
      if (isPending(u)) {
        message.info(u.pending.message);
        return;
      }
      message.success(
        u.active ? t('users.enabled', { username: u.username }) : t('users.disabledDone', { username: u.username }),
      );
      await refresh();
    },
    onError: fail,
  });

  const open = (u: User | 'new') => {
    setFormError(null);
    setEditing(u);
  };

  return (
    <Page
      title={t('users.title')}
      subtitle={t('users.subtitle')}
      extra={
        <>
          {manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>
              {t('users.create')}
            </Button>
          )}
          {manage && (
            <ExcelImport
              title={t('users.import')}
              templateUrl="/users/template"
              importUrl="/users/import"
              describeResult={(r) => {
                // The shared dialog reports success in words; the passwords are shown here, once.
                const result = r as { created: number; passwords: IssuedPassword[] };
                setIssued(result.passwords);
                return t('users.imported', { count: result.created });
              }}
              onImported={() => void refresh()}
            />
          )}
          <Button icon={<DownloadOutlined />} onClick={() => void exportUsers().catch(fail)}>
            {t('common:actions.export')}
          </Button>
        </>
      }
    >
      <Card size={narrow ? 'small' : 'default'}>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <Input.Search
            placeholder={t('users.search')}
            allowClear
            style={width(200)}
            onSearch={(q) => setFilter((f) => ({ ...f, q: q.trim() || undefined, page: 1 }))}
          />
          <TreeSelect
            allowClear
            placeholder={t('fields.unit')}
            style={width(220)}
            treeData={tree}
            showSearch
            treeNodeFilterProp="title"
            onChange={(unitId?: number) => setFilter((f) => ({ ...f, unitId, page: 1 }))}
          />
          <Select
            allowClear
            placeholder={t('fields.roles')}
            style={width(140)}
            options={ROLES.map((r) => ({ value: r, label: roleNames.name(r) }))}
            onChange={(role?: Role) => setFilter((f) => ({ ...f, role, page: 1 }))}
          />
        </Flex>
        <Table<User>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 900 }}
          pagination={{
            current: filter.page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (n) => t('users.total', { count: n }),
            onChange: (page) => setFilter((f) => ({ ...f, page })),
          }}
          columns={[
            { title: t('fields.username'), dataIndex: 'username', width: 140 },
            { title: t('fields.displayName'), dataIndex: 'displayName', width: 110 },
            { title: t('fields.unit'), dataIndex: 'unitName', width: 180 },
            {
              title: t('fields.roles'),
              dataIndex: 'roles',
              render: (roles: Role[]) =>
                roles.map((r) => (
                  <Tag key={r} color={['sysadmin', 'secadmin', 'auditor'].includes(r) ? 'purple' : 'blue'}>
                    {roleNames.name(r)}
                  </Tag>
                )),
            },
            {
              title: t('fields.status'),
              width: 120,
              render: (_, u) => (
                <Space size={4} wrap>
                  {u.active ? <Tag color="green">{t('users.active')}</Tag> : <Tag>{t('users.disabled')}</Tag>}
                  {u.mustChangePassword && <Tag color="orange">{t('users.mustChangePassword')}</Tag>}
                </Space>
              ),
            },
            ...(manage
              ? [
                  {
                    title: t('users.actions'),
                    width: 200,
                    // On a phone a fixed column would cover most of the table; there it scrolls with the rest.
                    fixed: narrow ? undefined : ('right' as const),
                    render: (_: unknown, u: User) => {
                      const mine = u.roles.every((r) => meta.data?.assignableRoles.includes(r));
                      if (!mine) return <Tag>{t('users.beyondAuthority')}</Tag>;
                      return (
                        <Space size={0} wrap>
                          <Button type="link" size="small" onClick={() => open(u)}>
                            {t('users.edit')}
                          </Button>
                          <Popconfirm
                            title={t('users.confirmReset', { username: u.username })}
                            description={t('users.resetHint')}
                            onConfirm={() => reset.mutate(u)}
                          >
                            <Button type="link" size="small">
                              {t('users.reset')}
                            </Button>
                          </Popconfirm>
                          {u.id !== meta.data?.self && (
                            <Popconfirm
                              title={
                                u.active
                                  ? t('users.confirmDisable', { username: u.username })
                                  : t('users.confirmEnable', { username: u.username })
                              }
                              onConfirm={() => toggle.mutate(u)}
                            >
                              <Button type="link" size="small" danger={u.active}>
                                {u.active ? t('users.disable') : t('users.enable')}
                              </Button>
                            </Popconfirm>
                          )}
                        </Space>
                      );
                    },
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <UserFormModal
        open={editing !== null}
        user={editing === 'new' ? null : editing}
        units={tree}
        assignable={meta.data?.assignableRoles ?? []}
        self={meta.data?.self ?? 0}
        saving={save.isPending}
        error={formError}
        onSave={(v) => save.mutate(v)}
        onClose={() => setEditing(null)}
      />
      <OneTimePasswords issued={issued} onClose={() => setIssued(null)} />
    </Page>
  );
}
