import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Modal, Popconfirm, Space, Table } from 'antd';
import { AppstoreOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import type { Category } from './types';
import { categoriesKey, categoriesQuery } from './api/get-categories';
import { unitsKey } from './api/get-units';
import { saveCategory } from './api/save-category';
import { deleteCategory } from './api/delete-category';

/** 考核类别 in a dialog: units are ranked only against units of the same category. */
export function CategoriesButton() {
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<Category | 'new' | null>(null);
  const { message } = App.useApp();
  const { t } = useTranslation(['admin', 'common']);
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Omit<Category, 'id'>>();
  const list = useQuery({ ...categoriesQuery(), enabled: open });
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: categoriesKey }),
      queryClient.invalidateQueries({ queryKey: unitsKey }),
    ]);
  const onError = (e: unknown) => message.error(e instanceof ApiError ? e.message : t('common:feedback.failed'));

  const save = useMutation({
    mutationFn: (v: Omit<Category, 'id'>) => saveCategory(editing === 'new' || editing === null ? null : editing.id, v),
    onSuccess: async () => {
      message.success(t('common:feedback.saved'));
      setEditing(null);
      await refresh();
    },
    onError,
  });
  const remove = useMutation({
    mutationFn: deleteCategory,
    onSuccess: async () => {
      message.success(t('categories.removed'));
      await refresh();
    },
    onError,
  });

  const edit = (c: Category | 'new') => {
    setEditing(c);
    form.setFieldsValue(c === 'new' ? { code: '', name: '', sortOrder: (list.data?.items.length ?? 0) + 1 } : c);
  };

  return (
    <>
      <Button icon={<AppstoreOutlined />} onClick={() => setOpen(true)}>
        {t('categories.title')}
      </Button>
      <Modal open={open} title={t('categories.title')} footer={null} onCancel={() => setOpen(false)} width={640}>
        <Table<Category>
          size="small"
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={false}
          columns={[
            { title: t('categories.code'), dataIndex: 'code' },
            { title: t('categories.name'), dataIndex: 'name' },
            { title: t('categories.sortOrder'), dataIndex: 'sortOrder', width: 70 },
            {
              title: '',
              width: 130,
              render: (_, c) => (
                <Space>
                  <Button size="small" type="link" onClick={() => edit(c)}>
                    {t('categories.edit')}
                  </Button>
                  <Popconfirm
                    title={t('categories.confirmRemove', { name: c.name })}
                    onConfirm={() => remove.mutate(c.id)}
                  >
                    <Button size="small" type="link" danger>
                      {t('categories.remove')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
        <Button style={{ marginTop: 12 }} onClick={() => edit('new')}>
          {t('categories.add')}
        </Button>
        {editing !== null && (
          <Form form={form} layout="inline" onFinish={(v) => save.mutate(v)} style={{ marginTop: 12, rowGap: 8 }}>
            <Form.Item name="code" rules={[{ required: true, message: t('categories.codeRequired') }]}>
              <Input placeholder={t('categories.codePlaceholder')} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name="name" rules={[{ required: true, message: t('categories.nameRequired') }]}>
              <Input placeholder={t('categories.namePlaceholder')} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="sortOrder">
              <InputNumber min={0} max={1000} style={{ width: 80 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('common:actions.save')}
            </Button>
          </Form>
        )}
      </Modal>
    </>
  );
}
