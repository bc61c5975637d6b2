import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { App, Button, Flex, Input, Select, Space, Table, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { ENTERPRISE_SCALES } from '@leitai/core';
import { ApiError } from '../../lib/api';
import { ExcelImport } from '../../components/excel-import';
import { exportEnterprises, useEnterprises, visitsKey, type EnterpriseFilter } from './api';
import { AssignButton } from './assign-button';
import type { EnterpriseRow } from './types';

/** 企业库: searched and paged on the server (a district holds hundreds of thousands), with who is assigned to each. */
export function EnterprisesTab() {
  const { t } = useTranslation('visits');
  const { message } = App.useApp();
  const client = useQueryClient();
  const [f, setF] = useState<EnterpriseFilter>({ page: 1 });
  const q = useEnterprises(f);
  const actions = q.data?.actions;
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }} justify="space-between">
        <Space wrap>
          <Input.Search
            placeholder={t('enterprises.search')}
            allowClear
            style={{ width: 240 }}
            onSearch={(text) => setF({ ...f, q: text || undefined, page: 1 })}
          />
          <Select
            allowClear
            placeholder={t('enterprises.allScales')}
            style={{ width: 140 }}
            options={ENTERPRISE_SCALES.map((value) => ({ value, label: t(`scales.${value}`) }))}
            onChange={(scale?: string) => setF({ ...f, scale, page: 1 })}
          />
        </Space>
        <Space wrap>
          {actions?.import && (
            <ExcelImport
              title={t('enterprises.import')}
              templateUrl="/visits/enterprises/template"
              importUrl="/visits/enterprises/import"
              describeResult={(r) => t('enterprises.imported', r as { count: number; assignments: number })}
              onImported={() => void client.invalidateQueries({ queryKey: visitsKey })}
            />
          )}
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              void exportEnterprises().catch((e: Error) => message.error(e instanceof ApiError ? e.message : String(e)))
            }
          >
            {t('enterprises.export')}
          </Button>
        </Space>
      </Flex>
      <Table<EnterpriseRow>
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={q.data?.items}
        scroll={{ x: 1000 }}
        pagination={{
          current: f.page,
          pageSize: 20,
          total: q.data?.total,
          showSizeChanger: false,
          showTotal: (count) => t('enterprises.total', { count }),
          onChange: (page) => setF({ ...f, page }),
        }}
        columns={[
          { title: t('fields.name'), dataIndex: 'name' },
          { title: t('fields.creditCode'), dataIndex: 'creditCode', width: 190 },
          { title: t('fields.industry'), dataIndex: 'industry', width: 110 },
          { title: t('fields.scale'), key: 'scale', width: 100, render: (_, r) => t(`scales.${r.scale}`) },
          { title: t('fields.street'), key: 'street', width: 120, render: (_, r) => r.streetName ?? '—' },
          {
            title: t('fields.assignees'),
            key: 'assignees',
            width: 200,
            render: (_, r) =>
              r.assignees.length === 0
                ? t('enterprises.none')
                : r.assignees.map((a) => (
                    <Tag key={`${a.role}-${a.userId}`} color={a.role === 'leader' ? 'gold' : 'blue'}>
                      {a.name}
                    </Tag>
                  )),
          },
          ...(actions?.assign
            ? [
                {
                  title: '',
                  key: 'assign',
                  width: 80,
                  render: (_: unknown, r: EnterpriseRow) => <AssignButton enterprise={r} />,
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
