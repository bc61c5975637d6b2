import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { EyeOutlined, SaveOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  COMBINE_LABELS,
  METHOD_LABELS,
  NO_DATA_LABELS,
  SOURCE_LABELS,
  type ArenaCombine,
  type ComponentMethod,
  type NoDataRule,
} from '@leitai/core';
import { ApiError } from '../../lib/api';
import { previewScheme, saveScheme } from './api/act';
import { evaluationsKey } from './api/queries';
import type { EvaluationDetail, EvaluationScheme, PreviewCategory } from './api/types';

type Component = EvaluationScheme['components'][number];
const PERCENT: ComponentMethod = {
  kind: 'curve',
  points: [
    { value: 0, share: 0 },
    { value: 100, share: 1 },
  ],
};
const METHODS = ['curve', 'proportional', 'rankTable', 'direct'] as const;

/** A method from the choice and, for a rank table, its points typed as "15,14,13". */
function methodOf(kind: (typeof METHODS)[number], previous: ComponentMethod): ComponentMethod {
  if (kind === previous.kind) return previous;
  if (kind === 'curve') return PERCENT;
  if (kind === 'rankTable') return { kind, points: [15, 14, 13, 12, 11], otherwise: 10 };
  return { kind };
}

/** 考核方案: components, sources, methods and weights per category; a live preview before saving a new version. */
export function SchemePanel({ detail }: { detail: EvaluationDetail }) {
  const { t } = useTranslation('evaluation');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [scheme, setScheme] = useState<EvaluationScheme>(() => structuredClone(detail.scheme));
  const [preview, setPreview] = useState<PreviewCategory[] | null>(null);
  const [busy, setBusy] = useState(false);
  const editable = detail.actions.some((a) => a.action === 'editScheme');
  const id = detail.evaluation.id;
  const categories = detail.categories;

  const update = (i: number, patch: Partial<Component>) =>
    setScheme((s) => ({ ...s, components: s.components.map((c, k) => (k === i ? { ...c, ...patch } : c)) }));
  const run = async (what: 'preview' | 'save') => {
    setBusy(true);
    try {
      if (what === 'preview') setPreview((await previewScheme(id, scheme)).categories);
      else {
        const { version } = await saveScheme(id, scheme);
        message.success(t('scheme.saved', { version }));
        await queryClient.invalidateQueries({ queryKey: evaluationsKey });
      }
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : t('failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Alert
        type={editable ? 'info' : 'warning'}
        showIcon
        message={editable ? t('scheme.hint') : t('scheme.readOnly', { version: detail.evaluation.schemeVersion })}
      />
      <Table<Component>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={scheme.components}
        scroll={{ x: 'max-content' }}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={4}>
              {t('scheme.sum')}
            </Table.Summary.Cell>
            {categories.map((cat, k) => {
              const sum = scheme.components.reduce((a, c) => a + Number(c.weights[cat.id] ?? 0), 0);
              return (
                <Table.Summary.Cell key={cat.id} index={4 + k}>
                  <Typography.Text type={Math.abs(sum - 100) < 1e-9 ? 'success' : 'danger'}>{sum}</Typography.Text>
                </Table.Summary.Cell>
              );
            })}
          </Table.Summary.Row>
        )}
        columns={[
          {
            title: t('columns.component'),
            width: 150,
            render: (_, c, i) => (
              <Input
                style={{ width: 130 }}
                aria-label={t('columns.component')}
                value={c.name}
                disabled={!editable}
                onChange={(e) => update(i, { name: e.target.value })}
              />
            ),
          },
          {
            title: t('columns.source'),
            width: 240,
            render: (_, c, i) => (
              <Space direction="vertical" size={4}>
                <Typography.Text>{SOURCE_LABELS[c.source.kind]}</Typography.Text>
                {c.source.kind === 'ledger' && (
                  <Flex gap={4} align="center">
                    <InputNumber
                      size="small"
                      aria-label={t('scheme.penalty')}
                      addonBefore={t('scheme.penalty')}
                      value={Number(c.source.overduePenalty)}
                      disabled={!editable}
                      min={0}
                      step={0.1}
                      onChange={(v) =>
                        c.source.kind === 'ledger' &&
                        update(i, { source: { ...c.source, overduePenalty: String(v ?? 0) } })
                      }
                    />
                    <InputNumber
                      size="small"
                      aria-label={t('scheme.cap')}
                      addonBefore={t('scheme.cap')}
                      value={Number(c.source.overdueCap)}
                      disabled={!editable}
                      min={0}
                      onChange={(v) =>
                        c.source.kind === 'ledger' && update(i, { source: { ...c.source, overdueCap: String(v ?? 0) } })
                      }
                    />
                  </Flex>
                )}
                {c.source.kind === 'arenas' && (
                  <Select<ArenaCombine>
                    size="small"
                    aria-label={t('scheme.combine')}
                    value={c.source.combine}
                    disabled={!editable}
                    options={(Object.keys(COMBINE_LABELS) as ArenaCombine[]).map((k) => ({
                      value: k,
                      label: COMBINE_LABELS[k],
                    }))}
                    onChange={(combine) => update(i, { source: { kind: 'arenas', combine } })}
                  />
                )}
              </Space>
            ),
          },
          {
            title: t('columns.method'),
            width: 230,
            render: (_, c, i) => (
              <Space direction="vertical" size={4} style={{ width: '100%' }}>
                <Select
                  aria-label={t('columns.method')}
                  style={{ width: '100%' }}
                  value={c.method.kind}
                  disabled={!editable}
                  options={METHODS.map((m) => ({ value: m, label: METHOD_LABELS[m] }))}
                  onChange={(kind) => update(i, { method: methodOf(kind, c.method) })}
                />
                {c.method.kind === 'rankTable' && (
                  <Input
                    size="small"
                    disabled={!editable}
                    value={c.method.points.join(',')}
                    onChange={(e) =>
                      update(i, {
                        method: {
                          kind: 'rankTable',
                          points: e.target.value.split(/[,，\s]+/).filter(Boolean),
                          otherwise: c.method.kind === 'rankTable' ? (c.method.otherwise ?? 0) : 0,
                        },
                      })
                    }
                  />
                )}
              </Space>
            ),
          },
          {
            title: t('columns.noData'),
            width: 130,
            render: (_, c, i) => (
              <Select<NoDataRule>
                aria-label={t('columns.noData')}
                style={{ width: '100%' }}
                value={c.noData ?? 'zero'}
                disabled={!editable}
                options={(Object.keys(NO_DATA_LABELS) as NoDataRule[]).map((k) => ({
                  value: k,
                  label: NO_DATA_LABELS[k],
                }))}
                onChange={(noData) => update(i, { noData })}
              />
            ),
          },
          ...categories.map((cat) => ({
            title: `${cat.name}${t('columns.weight')}`,
            key: cat.id,
            width: 110,
            render: (_: unknown, c: Component, i: number) => (
              <InputNumber
                aria-label={`${c.name} ${cat.name}${t('columns.weight')}`}
                value={Number(c.weights[cat.id] ?? 0)}
                disabled={!editable}
                min={0}
                max={100}
                onChange={(v) => update(i, { weights: { ...c.weights, [cat.id]: v ?? 0 } })}
              />
            ),
          })),
        ]}
      />
      <Flex gap={16} wrap align="center">
        <InputNumber
          addonBefore={t('scheme.honourCount')}
          min={0}
          max={50}
          value={scheme.honourCount ?? 3}
          disabled={!editable}
          onChange={(v) => setScheme((s) => ({ ...s, honourCount: v ?? 0 }))}
        />
        <InputNumber
          addonBefore={t('scheme.warningCount')}
          min={0}
          max={50}
          value={scheme.warningCount ?? 3}
          disabled={!editable}
          onChange={(v) => setScheme((s) => ({ ...s, warningCount: v ?? 0 }))}
        />
        {editable && (
          <Button icon={<EyeOutlined />} loading={busy} onClick={() => void run('preview')}>
            {t('scheme.preview')}
          </Button>
        )}
        {editable && (
          <Button type="primary" icon={<SaveOutlined />} loading={busy} onClick={() => void run('save')}>
            {t('scheme.save')}
          </Button>
        )}
      </Flex>
      {preview && (
        <Card size="small" title={t('scheme.previewTitle')}>
          {preview.map((c) => (
            <Table
              key={c.categoryId}
              rowKey="unitId"
              size="small"
              pagination={false}
              title={() => c.categoryName}
              dataSource={c.rows}
              columns={[
                { title: t('columns.rank'), dataIndex: 'rank', width: 64 },
                { title: t('columns.unit'), dataIndex: 'unitName' },
                { title: t('columns.total'), dataIndex: 'totalShown', width: 96, align: 'right' },
                { title: t('columns.grade'), dataIndex: 'grade', width: 72 },
              ]}
            />
          ))}
        </Card>
      )}
    </Space>
  );
}
