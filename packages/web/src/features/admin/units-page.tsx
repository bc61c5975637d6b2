import { useMemo, useState } from 'react';
import { App, Button, Card, Col, Empty, Form, Input, InputNumber, Row, Select, Space, Switch, Tag, Tree, TreeSelect, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Page } from '../../components/page';
import { ExcelImport } from '../../components/excel-import';
import { useCan } from '../../app/session';
import { api, ApiError, download } from '../../lib/api';
import { UNIT_KIND_LABELS, unitTree, type Category, type TreeNode, type Unit } from './api';
import { CategoriesButton } from './categories';

interface UnitForm {
  code: string;
  name: string;
  kind: string;
  parentId: number | null;
  categoryId: number | null;
  sortOrder: number;
  active: boolean;
}

type Mode = { kind: 'edit'; id: number } | { kind: 'create'; parentId: number | null } | null;

const kindOptions = Object.entries(UNIT_KIND_LABELS).map(([value, label]) => ({ value, label }));

/** Marks the stopped units and keeps the subtree being moved out of the parent picker. */
function decorate(nodes: TreeNode[], disabledUnder?: string): (TreeNode & { disabled?: boolean })[] {
  return nodes.map((n) => ({
    ...n,
    title: n.unit.active ? n.title : `${n.title}（已停用）`,
    disabled: disabledUnder !== undefined && (n.unit.path.startsWith(disabledUnder) || !n.unit.active),
    children: decorate(n.children, disabledUnder),
  }));
}

/**
 * 单位管理: the unit tree on the left, the selected unit's form on the right. Moving a unit is choosing
 * another parent; stopping one is refused while it still has active units or accounts under it.
 */
export function UnitsPage() {
  const can = useCan();
  const manage = can('unit.manage');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const units = useQuery({ queryKey: ['admin', 'units'], queryFn: () => api.get<{ items: Unit[] }>('/units?includeInactive=true') });
  const categories = useQuery({ queryKey: ['admin', 'categories'], queryFn: () => api.get<{ items: Category[] }>('/categories') });
  const [mode, setMode] = useState<Mode>(null);
  const [search, setSearch] = useState('');
  const [form] = Form.useForm<UnitForm>();

  const items = useMemo(() => units.data?.items ?? [], [units.data]);
  const byId = useMemo(() => new Map(items.map((u) => [u.id, u])), [items]);
  const selected = mode?.kind === 'edit' ? byId.get(mode.id) : undefined;
  const tree = useMemo(() => unitTree(items), [items]);
  const visible = useMemo(() => {
    if (!search) return tree;
    const keep = (nodes: TreeNode[]): TreeNode[] =>
      nodes.flatMap((n) => {
        const children = keep(n.children);
        return n.unit.name.includes(search) || n.unit.code.includes(search) || children.length > 0 ? [{ ...n, children }] : [];
      });
    return keep(tree);
  }, [tree, search]);

  const open = (next: Mode) => {
    setMode(next);
    if (next?.kind === 'edit') {
      const u = byId.get(next.id);
      if (u) form.setFieldsValue({ code: u.code, name: u.name, kind: u.kind, parentId: u.parentId, categoryId: u.categoryId, sortOrder: u.sortOrder, active: u.active });
    } else if (next?.kind === 'create') {
      form.resetFields();
      const parent = next.parentId === null ? undefined : byId.get(next.parentId);
      form.setFieldsValue({ parentId: next.parentId, kind: 'department', categoryId: parent?.categoryId ?? null, sortOrder: 0, active: true });
    }
  };

  const save = useMutation({
    mutationFn: async (values: UnitForm) => {
      if (mode?.kind === 'create') {
        return api.post<Unit>('/units', { code: values.code, name: values.name, kind: values.kind, parentId: values.parentId ?? null, categoryId: values.categoryId ?? null, sortOrder: values.sortOrder ?? 0 });
      }
      if (mode?.kind !== 'edit' || !selected) throw new Error('nothing selected');
      const patch: Partial<UnitForm> = {};
      for (const key of ['name', 'kind', 'parentId', 'categoryId', 'sortOrder', 'active'] as const) {
        const value = values[key] ?? (key === 'parentId' || key === 'categoryId' ? null : undefined);
        if (value !== undefined && value !== selected[key]) Object.assign(patch, { [key]: value });
      }
      return api.patch<Unit>(`/units/${selected.id}`, patch);
    },
    onSuccess: async (unit) => {
      message.success(mode?.kind === 'create' ? `已建立“${unit.name}”` : `已保存“${unit.name}”`);
      await queryClient.invalidateQueries({ queryKey: ['admin', 'units'] });
      setMode({ kind: 'edit', id: unit.id });
    },
    onError: (e) => {
      if (!(e instanceof ApiError)) return message.error('保存失败');
      const field = e.details?.field as keyof UnitForm | undefined;
      if (field) form.setFields([{ name: field, errors: [e.message] }]);
      message.error(e.message);
    },
  });

  const parentPicker = useMemo(() => decorate(tree, selected?.path), [tree, selected]);

  return (
    <Page
      title="单位管理"
      subtitle="单位树、单位类型与考核类别。同一考核类别的单位一起排名。"
      extra={
        <>
          {manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => open({ kind: 'create', parentId: null })}>
              新建顶级单位
            </Button>
          )}
          {manage && <CategoriesButton />}
          {manage && (
            <ExcelImport
              title="导入单位"
              templateUrl="/units/template"
              importUrl="/units/import"
              describeResult={(r) => `已导入 ${(r as { created: number }).created} 个单位`}
              onImported={() => void queryClient.invalidateQueries({ queryKey: ['admin', 'units'] })}
            />
          )}
          <Button icon={<DownloadOutlined />} onClick={() => void download('/units/export').catch((e: Error) => message.error(e.message))}>
            导出
          </Button>
        </>
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} md={10} lg={9}>
          <Card title={`单位（${items.filter((u) => u.active).length} 个在用）`} loading={units.isLoading} styles={{ body: { maxHeight: '70vh', overflow: 'auto' } }}>
            <Input.Search placeholder="按名称或编码查找" allowClear onChange={(e) => setSearch(e.target.value.trim())} style={{ marginBottom: 12 }} />
            {visible.length === 0 ? (
              <Empty description="没有单位" />
            ) : (
              <Tree<TreeNode>
                blockNode
                defaultExpandAll
                key={search}
                treeData={visible}
                selectedKeys={mode?.kind === 'edit' ? [mode.id] : []}
                onSelect={(keys) => keys[0] !== undefined && open({ kind: 'edit', id: Number(keys[0]) })}
                titleRender={(n) => (
                  <Space size={4} data-testid={`unit-${n.unit.code}`}>
                    <span style={{ color: n.unit.active ? undefined : '#999' }}>{n.unit.name}</span>
                    {n.unit.categoryName && <Tag bordered={false}>{n.unit.categoryName}</Tag>}
                    {!n.unit.active && <Tag>已停用</Tag>}
                  </Space>
                )}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} md={14} lg={15}>
          <Card
            title={mode?.kind === 'create' ? '新建单位' : selected ? selected.name : '单位信息'}
            extra={
              manage &&
              selected?.active && (
                <Button icon={<PlusOutlined />} onClick={() => open({ kind: 'create', parentId: selected.id })}>
                  新建下级单位
                </Button>
              )
            }
          >
            {mode === null ? (
              <Empty description="在左侧选择一个单位" />
            ) : (
              <Form<UnitForm> form={form} layout="vertical" disabled={!manage} onFinish={(v) => save.mutate(v)} style={{ maxWidth: 560 }}>
                <Form.Item name="code" label="单位编码" rules={[{ required: true, message: '请填写单位编码' }, { pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]*$/, message: '只能用字母、数字、下划线、点和横线' }]} extra="全区唯一，Excel 导入时用它指明上级单位；建立后不能修改。">
                  <Input disabled={mode.kind === 'edit'} maxLength={40} />
                </Form.Item>
                <Form.Item name="name" label="单位名称" rules={[{ required: true, whitespace: true, message: '请填写单位名称' }]}>
                  <Input maxLength={100} />
                </Form.Item>
                <Row gutter={12}>
                  <Col xs={24} sm={12}>
                    <Form.Item name="kind" label="单位类型" rules={[{ required: true, message: '请选择单位类型' }]}>
                      <Select options={kindOptions} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12}>
                    <Form.Item name="categoryId" label="考核类别">
                      <Select allowClear placeholder="不参加分类排名" options={(categories.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))} />
                    </Form.Item>
                  </Col>
                </Row>
                <Form.Item name="parentId" label="上级单位" extra={mode.kind === 'edit' ? '改选上级单位即移动本单位及其全部下级。' : undefined}>
                  <TreeSelect allowClear placeholder="无（顶级单位）" treeData={parentPicker} treeDefaultExpandAll showSearch treeNodeFilterProp="title" />
                </Form.Item>
                <Row gutter={12}>
                  <Col xs={12}>
                    <Form.Item name="sortOrder" label="排序" extra="数字小的在前">
                      <InputNumber min={0} max={100000} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  {mode.kind === 'edit' && (
                    <Col xs={12}>
                      <Form.Item name="active" label="状态" valuePropName="checked" extra="有在用下级或账号时不能停用">
                        <Switch checkedChildren="在用" unCheckedChildren="停用" />
                      </Form.Item>
                    </Col>
                  )}
                </Row>
                {manage && (
                  <Space>
                    <Button type="primary" htmlType="submit" loading={save.isPending}>
                      {mode.kind === 'create' ? '建立' : '保存'}
                    </Button>
                    <Button onClick={() => (mode.kind === 'create' ? setMode(null) : open(mode))}>取消</Button>
                  </Space>
                )}
                {!manage && <Typography.Text type="secondary">只读：单位由系统管理员或考核办维护。</Typography.Text>}
              </Form>
            )}
          </Card>
        </Col>
      </Row>
    </Page>
  );
}
