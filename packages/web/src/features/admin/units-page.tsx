import { useEffect, useMemo, useRef, useState } from 'react';
import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
  Tag,
  Tree,
  TreeSelect,
  Typography,
} from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { ExcelImport } from '../../components/excel-import';
import { useNarrow } from '../../components/use-narrow';
import { useCan } from '../../lib/session';
import { ApiError } from '../../lib/api';
import { UNIT_KINDS } from './types';
import { unitTree, type TreeNode } from './unit-tree';
import { unitsKey, unitsQuery } from './api/get-units';
import { categoriesQuery } from './api/get-categories';
import { createUnit } from './api/create-unit';
import { updateUnit } from './api/update-unit';
import { exportUnits } from './api/export-units';
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

/** Marks the stopped units and keeps the subtree being moved out of the parent picker. */
function decorate(
  nodes: TreeNode[],
  stopped: (name: string) => string,
  disabledUnder?: string,
): (TreeNode & { disabled?: boolean })[] {
  return nodes.map((n) => ({
    ...n,
    title: n.unit.active ? n.title : stopped(n.title),
    disabled: disabledUnder !== undefined && (n.unit.path.startsWith(disabledUnder) || !n.unit.active),
    children: decorate(n.children, stopped, disabledUnder),
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
  const { t } = useTranslation(['admin', 'common']);
  const kindOptions = UNIT_KINDS.map((value) => ({ value, label: t(`unitKinds.${value}`) }));
  const queryClient = useQueryClient();
  const units = useQuery(unitsQuery());
  const categories = useQuery(categoriesQuery());
  const [mode, setMode] = useState<Mode>(null);
  const [search, setSearch] = useState('');
  const [form] = Form.useForm<UnitForm>();
  const narrow = useNarrow();
  const formCard = useRef<HTMLDivElement>(null);
  // On a phone the form sits below the long tree: bring it into view when a unit is picked.
  useEffect(() => {
    if (narrow && mode !== null) formCard.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [narrow, mode]);

  const items = useMemo(() => units.data?.items ?? [], [units.data]);
  const byId = useMemo(() => new Map(items.map((u) => [u.id, u])), [items]);
  const selected = mode?.kind === 'edit' ? byId.get(mode.id) : undefined;
  const tree = useMemo(() => unitTree(items), [items]);
  const visible = useMemo(() => {
    if (!search) return tree;
    const keep = (nodes: TreeNode[]): TreeNode[] =>
      nodes.flatMap((n) => {
        const children = keep(n.children);
        return n.unit.name.includes(search) || n.unit.code.includes(search) || children.length > 0
          ? [{ ...n, children }]
          : [];
      });
    return keep(tree);
  }, [tree, search]);

  const open = (next: Mode) => {
    setMode(next);
    if (next?.kind === 'edit') {
      const u = byId.get(next.id);
      if (u)
        form.setFieldsValue({
          code: u.code,
          name: u.name,
          kind: u.kind,
          parentId: u.parentId,
          categoryId: u.categoryId,
          sortOrder: u.sortOrder,
          active: u.active,
        });
    } else if (next?.kind === 'create') {
      form.resetFields();
      const parent = next.parentId === null ? undefined : byId.get(next.parentId);
      form.setFieldsValue({
        parentId: next.parentId,
        kind: 'department',
        categoryId: parent?.categoryId ?? null,
        sortOrder: 0,
        active: true,
      });
    }
  };

  const save = useMutation({
    mutationFn: async (values: UnitForm) => {
      if (mode?.kind === 'create') {
        return createUnit({
          code: values.code,
          name: values.name,
          kind: values.kind,
          parentId: values.parentId ?? null,
          categoryId: values.categoryId ?? null,
          sortOrder: values.sortOrder ?? 0,
        });
      }
      if (mode?.kind !== 'edit' || !selected) throw new Error('nothing selected');
      const patch: Partial<UnitForm> = {};
      for (const key of ['name', 'kind', 'parentId', 'categoryId', 'sortOrder', 'active'] as const) {
        const value = values[key] ?? (key === 'parentId' || key === 'categoryId' ? null : undefined);
        if (value !== undefined && value !== selected[key]) Object.assign(patch, { [key]: value });
      }
      return updateUnit(selected.id, patch);
    },
    onSuccess: async (unit) => {
      message.success(
        mode?.kind === 'create' ? t('units.created', { name: unit.name }) : t('units.saved', { name: unit.name }),
      );
      await queryClient.invalidateQueries({ queryKey: unitsKey });
      setMode({ kind: 'edit', id: unit.id });
    },
    onError: (e) => {
      if (!(e instanceof ApiError)) return message.error(t('common:feedback.saveFailed'));
      const field = e.details?.field as keyof UnitForm | undefined;
      if (field) form.setFields([{ name: field, errors: [e.message] }]);
      message.error(e.message);
    },
  });

  const parentPicker = useMemo(
    () => decorate(tree, (name) => t('units.stoppedName', { name }), selected?.path),
    [tree, selected, t],
  );

  return (
    <Page
      title={t('units.title')}
      subtitle={t('units.subtitle')}
      extra={
        <>
          {manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => open({ kind: 'create', parentId: null })}>
              {t('units.createTop')}
            </Button>
          )}
          {manage && <CategoriesButton />}
          {manage && (
            <ExcelImport
              title={t('units.import')}
              templateUrl="/units/template"
              importUrl="/units/import"
              describeResult={(r) => t('units.imported', { count: (r as { created: number }).created })}
              onImported={() => void queryClient.invalidateQueries({ queryKey: unitsKey })}
            />
          )}
          <Button
            icon={<DownloadOutlined />}
            onClick={() => void exportUnits().catch((e: Error) => message.error(e.message))}
          >
            {t('common:actions.export')}
          </Button>
        </>
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} md={10} lg={9}>
          <Card
            title={t('units.treeTitle', { count: items.filter((u) => u.active).length })}
            loading={units.isLoading}
            styles={{ body: { maxHeight: '70vh', overflow: 'auto' } }}
          >
            <Input.Search
              placeholder={t('units.search')}
              allowClear
              onChange={(e) => setSearch(e.target.value.trim())}
              style={{ marginBottom: 12 }}
            />
            {visible.length === 0 ? (
              <Empty description={t('units.none')} />
            ) : (
              <Tree<TreeNode>
                blockNode
                defaultExpandAll
                // Remount when the search or the number of units changes, so new units (an import) show expanded too.
                key={`${search}:${items.length}`}
                treeData={visible}
                selectedKeys={mode?.kind === 'edit' ? [mode.id] : []}
                onSelect={(keys) => keys[0] !== undefined && open({ kind: 'edit', id: Number(keys[0]) })}
                titleRender={(n) => (
                  <Space size={4} data-testid={`unit-${n.unit.code}`}>
                    <span style={{ color: n.unit.active ? undefined : '#999' }}>{n.unit.name}</span>
                    {n.unit.categoryName && <Tag bordered={false}>{n.unit.categoryName}</Tag>}
                    {!n.unit.active && <Tag>{t('units.stopped')}</Tag>}
                  </Space>
                )}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} md={14} lg={15}>
          <Card
            ref={formCard}
            title={mode?.kind === 'create' ? t('units.newUnit') : selected ? selected.name : t('units.details')}
            extra={
              manage &&
              selected?.active && (
                <Button icon={<PlusOutlined />} onClick={() => open({ kind: 'create', parentId: selected.id })}>
                  {t('units.createChild')}
                </Button>
              )
            }
          >
            {mode === null ? (
              <Empty description={t('units.pick')} />
            ) : (
              <Form<UnitForm>
                form={form}
                layout="vertical"
                disabled={!manage}
                onFinish={(v) => save.mutate(v)}
                style={{ maxWidth: 560 }}
              >
                <Form.Item
                  name="code"
                  label={t('units.code')}
                  rules={[
                    { required: true, message: t('units.codeRequired') },
                    { pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]*$/, message: t('units.codePattern') },
                  ]}
                  extra={t('units.codeHint')}
                >
                  <Input disabled={mode.kind === 'edit'} maxLength={40} />
                </Form.Item>
                <Form.Item
                  name="name"
                  label={t('units.name')}
                  rules={[{ required: true, whitespace: true, message: t('units.nameRequired') }]}
                >
                  <Input maxLength={100} />
                </Form.Item>
                <Row gutter={12}>
                  <Col xs={24} sm={12}>
                    <Form.Item
                      name="kind"
                      label={t('units.kind')}
                      rules={[{ required: true, message: t('units.kindRequired') }]}
                    >
                      <Select options={kindOptions} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12}>
                    <Form.Item name="categoryId" label={t('units.category')}>
                      <Select
                        allowClear
                        placeholder={t('units.noCategory')}
                        options={(categories.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
                      />
                    </Form.Item>
                  </Col>
                </Row>
                <Form.Item
                  name="parentId"
                  label={t('units.parent')}
                  extra={mode.kind === 'edit' ? t('units.parentHint') : undefined}
                >
                  <TreeSelect
                    allowClear
                    placeholder={t('units.noParent')}
                    treeData={parentPicker}
                    treeDefaultExpandAll
                    showSearch
                    treeNodeFilterProp="title"
                  />
                </Form.Item>
                <Row gutter={12}>
                  <Col xs={12}>
                    <Form.Item name="sortOrder" label={t('units.sortOrder')} extra={t('units.sortOrderHint')}>
                      <InputNumber min={0} max={100000} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  {mode.kind === 'edit' && (
                    <Col xs={12}>
                      <Form.Item
                        name="active"
                        label={t('units.status')}
                        valuePropName="checked"
                        extra={t('units.statusHint')}
                      >
                        <Switch checkedChildren={t('units.active')} unCheckedChildren={t('units.inactive')} />
                      </Form.Item>
                    </Col>
                  )}
                </Row>
                {manage && (
                  <Space>
                    <Button type="primary" htmlType="submit" loading={save.isPending}>
                      {mode.kind === 'create' ? t('units.create') : t('common:actions.save')}
                    </Button>
                    <Button onClick={() => (mode.kind === 'create' ? setMode(null) : open(mode))}>
                      {t('common:actions.cancel')}
                    </Button>
                  </Space>
                )}
                {!manage && <Typography.Text type="secondary">{t('units.readOnly')}</Typography.Text>}
              </Form>
            )}
          </Card>
        </Col>
      </Row>
    </Page>
  );
}
