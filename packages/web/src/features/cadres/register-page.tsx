import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, Modal, Select, Space, Table } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CadreView } from '@leitai/core';
import { Page } from '../../components/page';
import { ExcelImport } from '../../components/excel-import';
import { useCan } from '../../lib/session';
import { cadresKey } from './api/keys';
import { cadresQuery } from './api/get-cadres';
import { createCadre, updateCadre } from './api/save-cadre';
import { exportCadres } from './api/export-cadres';
import { unitOptionsQuery } from './api/get-unit-options';

/** 干部名册: the organisation department keeps it; organisers read their office's. */
export function RegisterPage() {
  const { t } = useTranslation('cadres');
  const { message } = App.useApp();
  const can = useCan();
  const client = useQueryClient();
  const list = useQuery(cadresQuery());
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<CadreView | 'new' | null>(null);
  const manage = can('cadre.manage');
  const rows = (list.data?.items ?? []).filter((c) => q === '' || c.name.includes(q));
  return (
    <Page
      title={t('menu.register')}
      extra={
        <>
          <Input.Search allowClear placeholder={t('register.search')} onSearch={setQ} style={{ width: 180 }} />
          {manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('register.add')}
            </Button>
          )}
          {manage && (
            <ExcelImport
              title={t('register.import')}
              templateUrl="/cadres/template"
              importUrl="/cadres/import"
              describeResult={(r) => t('register.imported', { count: (r as { created: number }).created })}
              onImported={() => void client.invalidateQueries({ queryKey: cadresKey })}
            />
          )}
          <Button
            icon={<DownloadOutlined />}
            onClick={() => void exportCadres().catch((e: Error) => message.error(e.message))}
          >
            {t('register.export')}
          </Button>
        </>
      }
    >
      <Table
        rowKey="id"
        size="middle"
        scroll={{ x: 760 }}
        loading={list.isLoading}
        dataSource={rows}
        columns={[
          { title: t('register.name'), dataIndex: 'name', width: 100 },
          { title: t('register.post'), dataIndex: 'post', width: 140 },
          { title: t('register.unit'), dataIndex: ['unit', 'name'], width: 180 },
          { title: t('register.since'), dataIndex: 'since', width: 110 },
          {
            title: t('register.account'),
            dataIndex: 'account',
            width: 130,
            render: (a: CadreView['account']) => a?.username ?? t('register.noAccount'),
          },
          {
            title: '',
            width: 140,
            render: (_: unknown, c: CadreView) => (
              <Space>
                {c.actions.edit && (
                  <Button type="link" size="small" onClick={() => setEditing(c)}>
                    {t('register.edit')}
                  </Button>
                )}
                {c.actions.record && <Link to={`/cadres/${c.id}/record`}>{t('register.record')}</Link>}
              </Space>
            ),
          },
        ]}
      />
      {editing && <CadreModal cadre={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Page>
  );
}

interface Values {
  name: string;
  post: string;
  unitId: number;
  since: Dayjs;
  account?: string;
}

function CadreModal({ cadre, onClose }: { cadre: CadreView | null; onClose: () => void }) {
  const { t } = useTranslation('cadres');
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const units = useQuery(unitOptionsQuery());
  const required = (what: string) => [{ required: true, message: t('register.required', { what }) }];
  const save = async (v: Values) => {
    const body = {
      name: v.name,
      post: v.post,
      unitId: v.unitId,
      since: v.since.format('YYYY-MM-DD'),
      account: v.account?.trim() ? v.account.trim() : null,
    };
    try {
      if (cadre) await updateCadre(cadre.id, body);
      else await createCadre(body);
      message.success(t('register.saved'));
      void client.invalidateQueries({ queryKey: cadresKey });
      onClose();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Modal
      open
      title={t(cadre ? 'register.editTitle' : 'register.addTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void save(v)}
        initialValues={
          cadre
            ? {
                name: cadre.name,
                post: cadre.post,
                unitId: cadre.unit.id,
                since: dayjs(cadre.since),
                account: cadre.account?.username ?? '',
              }
            : {}
        }
      >
        <Form.Item name="name" label={t('register.name')} rules={required(t('register.name'))}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          name="post"
          label={t('register.post')}
          rules={required(t('register.post'))}
          extra={cadre ? t('register.moveHint') : undefined}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="unitId" label={t('register.unit')} rules={required(t('register.unit'))}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={units.isLoading}
            options={(units.data?.items ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item name="since" label={t('register.since')} rules={required(t('register.since'))}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="account" label={t('register.account')} extra={t('register.accountHint')}>
          <Input maxLength={64} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
