import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Empty, Row, Segmented, Table, Tag, Typography } from 'antd';
import { ApiError } from '../../lib/api';
import { ExcelImport } from '../../components/excel-import';
import { Page } from '../../components/page';
import { useCan } from '../../lib/session';
import { benchmarksKey, chooseModel, useBoard } from './api';
import type { BenchmarkBoard, PeerGap } from './types';

type Indicator = BenchmarkBoard['indicators'][number];

/**
 * The leader's view across indicators: one card per indicator, our figure against each peer's, gap and months; for
 * the region or, picked above, for one unit against its peer units, its 学赶对象 first.
 */
export function BenchmarksPage() {
  const { t } = useTranslation('benchmarks');
  const can = useCan();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unit') ? Number(params.get('unit')) : null;
  const q = useBoard(unitId);
  const list = q.data?.indicators ?? [];
  const units = q.data?.units ?? [];
  return (
    <Page
      title={t('title')}
      subtitle={t('subtitle')}
      extra={
        can('benchmark.manage') ? (
          <ExcelImport
            title={t('import')}
            templateUrl="/benchmarks/template"
            importUrl="/benchmarks/import"
            describeResult={(r) => t('imported', { count: (r as { indicators: number }).indicators })}
            onImported={() => void client.invalidateQueries({ queryKey: benchmarksKey })}
          />
        ) : undefined
      }
    >
      {units.length > 0 && (
        <div style={{ marginBottom: 16, overflowX: 'auto' }}>
          <Segmented
            aria-label={t('unitPicker')}
            value={unitId ?? 0}
            onChange={(v) => setParams(v === 0 ? {} : { unit: String(v) })}
            options={[{ value: 0, label: t('region') }, ...units.map((u) => ({ value: u.id, label: u.name }))]}
          />
        </div>
      )}
      {!q.isLoading && list.length === 0 && <Empty description={t('empty')} />}
      <Row gutter={[16, 16]}>
        {list.map((i) => (
          <Col span={24} key={i.indicator}>
            <IndicatorCard indicator={i} unitId={unitId} />
          </Col>
        ))}
      </Row>
    </Page>
  );
}

function IndicatorCard({ indicator: i, unitId }: { indicator: Indicator; unitId: number | null }) {
  const { t } = useTranslation('benchmarks');
  const { message } = App.useApp();
  const client = useQueryClient();
  const choose = async (subject: string) => {
    try {
      await chooseModel(unitId, subject);
      message.success(t('modelChosen', { subject }));
      await client.invalidateQueries({ queryKey: benchmarksKey });
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
  const unit = (v: string) => `${v}${i.measure ? ` ${i.measure}` : ''}`;
  const months = (p: PeerGap) =>
    p.monthsToClose === null ? (
      <Typography.Text type="danger">{t('never')}</Typography.Text>
    ) : p.monthsToClose === 0 ? (
      <Typography.Text type="success">{t('ahead')}</Typography.Text>
    ) : (
      t('monthsValue', { count: p.monthsToClose })
    );
  return (
    <Card
      size="small"
      data-testid={`benchmark-${i.indicator}`}
      title={
        <>
          {i.indicator} {i.lowerIsBetter && <Tag>{t('lower')}</Tag>}
        </>
      }
      extra={
        <Typography.Text type="secondary">
          {unitId === null ? t('ours') : t('ourUnit')} {unit(i.ours.value)}（{i.ours.asOf}）
        </Typography.Text>
      }
    >
      <Table<PeerGap>
        rowKey="subject"
        size="small"
        pagination={false}
        scroll={{ x: 640 }}
        dataSource={i.peers}
        columns={[
          {
            title: t('subject'),
            key: 'subject',
            width: 120,
            render: (_, p) => (
              <>
                {p.subject}
                {p.isModel && (
                  <Tag color="gold" style={{ marginInlineStart: 4 }}>
                    {t('model')}
                  </Tag>
                )}
              </>
            ),
          },
          {
            title: t('value'),
            key: 'value',
            align: 'right',
            width: 110,
            render: (_, p) => <span style={{ whiteSpace: 'nowrap' }}>{unit(p.value)}</span>,
          },
          { title: t('gap'), dataIndex: 'gap', align: 'right', width: 80 },
          {
            title: t(unitId === null ? 'share' : 'unitShare'),
            key: 'share',
            align: 'right',
            width: 90,
            render: (_, p) => p.share ?? '—',
          },
          { title: t('months'), key: 'months', width: 110, render: (_, p) => months(p) },
          {
            title: t('source'),
            key: 'source',
            ellipsis: true,
            render: (_, p) => (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {p.asOf} · {p.source}
                {p.caliber && ` · ${p.caliber}`}
              </Typography.Text>
            ),
          },
          ...(i.peers.some((p) => p.actions.includes('choose_model'))
            ? [
                {
                  title: '',
                  key: 'actions',
                  width: 110,
                  render: (_: unknown, p: PeerGap) =>
                    p.actions.includes('choose_model') && (
                      <Button size="small" type="link" onClick={() => void choose(p.subject)}>
                        {t('chooseModel')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {i.oursGainPerMonth !== null && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(unitId === null ? 'pace' : 'unitPace', { gain: unit(i.oursGainPerMonth) })}
        </Typography.Text>
      )}
    </Card>
  );
}
