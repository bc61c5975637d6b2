import { useState } from 'react';
import { App, Button, Form, Input, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import { PrinterOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RATING_POINT_KINDS } from '@leitai/core';
import { ApiError } from '../../lib/api';
import { ExcelImport } from '../../components/excel-import';
import { createPoint, downloadPosters, POINTS_IMPORT_URL, POINTS_TEMPLATE_URL, setPointActive } from './api/act';
import { useRatingPoints } from './api/get-points';
import { ratingsKey } from './api/keys';
import type { PointView } from './api/types';

/** 评价点: each with its QR page; posters for all of them print as one PDF. */
export function PointsPanel({ canManage, units }: { canManage: boolean; units: { id: number; name: string }[] }) {
  const { t } = useTranslation('ratings');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { data, isLoading } = useRatingPoints();
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<{ unitId: number; name: string; kind: string }>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ratingsKey });
  const attempt = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      await refresh();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : t('failed'));
    }
  };
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        {canManage && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('points.add')}
          </Button>
        )}
        {canManage && (
          <ExcelImport
            title={t('points.import')}
            templateUrl={POINTS_TEMPLATE_URL}
            importUrl={POINTS_IMPORT_URL}
            onImported={() => void refresh()}
          />
        )}
        <Button icon={<PrinterOutlined />} onClick={() => void attempt(() => downloadPosters('A4'))}>
          {t('points.posters')} A4
        </Button>
        <Button icon={<PrinterOutlined />} onClick={() => void attempt(() => downloadPosters('A5'))}>
          {t('points.posters')} A5
        </Button>
      </Space>
      <Table<PointView>
        size="small"
        rowKey="id"
        loading={isLoading}
        dataSource={data?.points ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        scroll={{ x: 640 }}
        columns={[
          { title: t('columns.unit'), render: (_, p) => p.unit.name },
          { title: t('columns.point'), dataIndex: 'name' },
          { title: t('columns.kind'), render: (_, p) => <Tag>{t(`points.kinds.${p.kind}`)}</Tag>, width: 80 },
          {
            title: t('columns.qr'),
            width: 140,
            render: (_, p) => (
              <Space size={8}>
                <a href={`/api/ratings/points/${p.id}/qr.png`} target="_blank" rel="noreferrer">
                  PNG
                </a>
                <a href={p.path} target="_blank" rel="noreferrer">
                  {t('points.open')}
                </a>
              </Space>
            ),
          },
          {
            title: t('columns.active'),
            width: 80,
            render: (_, p) => (
              <Switch
                size="small"
                checked={p.active}
                disabled={!p.canManage}
                onChange={(v) => void attempt(() => setPointActive(p.id, v))}
              />
            ),
          },
        ]}
      />
      <Modal
        open={adding}
        title={t('points.add')}
        onCancel={() => setAdding(false)}
        onOk={() =>
          void form.validateFields().then((v) =>
            attempt(async () => {
              await createPoint(v.unitId, v.name, v.kind);
              setAdding(false);
              form.resetFields();
            }),
          )
        }
      >
        <Form form={form} layout="vertical" initialValues={{ kind: 'window' }}>
          <Form.Item name="unitId" label={t('points.unit')} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={units.map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
          <Form.Item name="name" label={t('points.name')} rules={[{ required: true, min: 2, max: 40 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="kind" label={t('columns.kind')}>
            <Select
              options={RATING_POINT_KINDS.map((k) => ({
                value: k,
                label: t(`points.kinds.${k}`),
              }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
