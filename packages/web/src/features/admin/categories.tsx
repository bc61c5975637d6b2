import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Modal, Popconfirm, Space, Table } from 'antd';
import { AppstoreOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../lib/api';
import type { Category } from './api';

/** 考核类别 in a dialog: units are ranked only against units of the same category. */
export function CategoriesButton() {
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<Category | 'new' | null>(null);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Omit<Category, 'id'>>();
  const list = useQuery({ queryKey: ['admin', 'categories'], queryFn: () => api.get<{ items: Category[] }>('/categories'), enabled: open });
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: ['admin', 'categories'] }), queryClient.invalidateQueries({ queryKey: ['admin', 'units'] })]);
  const onError = (e: unknown) => message.error(e instanceof ApiError ? e.message : '操作失败');

  const save = useMutation({
    mutationFn: (v: Omit<Category, 'id'>) => (editing === 'new' || editing === null ? api.post('/categories', v) : api.patch(`/categories/${editing.id}`, v)),
    onSuccess: async () => {
      message.success('已保存');
      setEditing(null);
      await refresh();
    },
    onError,
  });
  const remove = useMutation({
    mutationFn: (id: number) => api.delete(`/categories/${id}`),
    onSuccess: async () => {
      message.success('已删除');
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
        考核类别
      </Button>
      <Modal open={open} title="考核类别" footer={null} onCancel={() => setOpen(false)} width={640}>
        <Table<Category>
          size="small"
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={false}
          columns={[
            { title: '编码', dataIndex: 'code' },
            { title: '名称', dataIndex: 'name' },
            { title: '排序', dataIndex: 'sortOrder', width: 70 },
            {
              title: '',
              width: 130,
              render: (_, c) => (
                <Space>
                  <Button size="small" type="link" onClick={() => edit(c)}>
                    修改
                  </Button>
                  <Popconfirm title={`删除“${c.name}”？仍有单位在用时不能删除。`} onConfirm={() => remove.mutate(c.id)}>
                    <Button size="small" type="link" danger>
                      删除
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
        <Button style={{ marginTop: 12 }} onClick={() => edit('new')}>
          新增类别
        </Button>
        {editing !== null && (
          <Form form={form} layout="inline" onFinish={(v) => save.mutate(v)} style={{ marginTop: 12, rowGap: 8 }}>
            <Form.Item name="code" rules={[{ required: true, message: '请填写编码' }]}>
              <Input placeholder="编码，如 jjbm" style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name="name" rules={[{ required: true, message: '请填写名称' }]}>
              <Input placeholder="名称，如 经济部门" style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="sortOrder">
              <InputNumber min={0} max={1000} style={{ width: 80 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              保存
            </Button>
          </Form>
        )}
      </Modal>
    </>
  );
}
