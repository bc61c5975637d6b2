import { useMemo } from 'react';
import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/echart';
import { useRatingsOverview } from './api/get-overview';
import type { Standing } from './api/types';

/** The figures for a period: totals, the ranking (district ranks, whatever the viewer's scope), the trend and the reasons. */
export function OverviewPanel({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation('ratings');
  const { data, isLoading } = useRatingsOverview(from, to);
  const f = data?.totals.figures;
  const shown = (r: { value: string | null; shown: string } | undefined) =>
    r && r.value !== null ? `${r.shown}%` : '—';
  const totals = {
    total: data?.totals.counts.total ?? 0,
    good: shown(f?.goodRate),
    bad: shown(f?.badRate),
    rectified: shown(f?.rectifiedRate),
    callback: shown(f?.callbackRate),
  };
  const trend = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('kpi.total'), t('kpi.bad')] },
      grid: { left: 48, right: 48, top: 40, bottom: 28 },
      xAxis: { type: 'category', data: (data?.trend ?? []).map((m) => m.month) },
      yAxis: [{ type: 'value' }, { type: 'value', axisLabel: { formatter: '{value}%' } }],
      series: [
        { name: t('kpi.total'), type: 'bar', data: (data?.trend ?? []).map((m) => m.total) },
        {
          name: t('kpi.bad'),
          type: 'line',
          yAxisIndex: 1,
          data: (data?.trend ?? []).map((m) => (m.badRate.value === null ? null : Number(m.badRate.shown))),
        },
      ],
    }),
    [data, t],
  );
  const reasons = useMemo(
    () => ({
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'pie',
          radius: ['30%', '55%'],
          label: { formatter: '{b}\n{c}' },
          data: (data?.reasons ?? []).map((r) => ({ name: r.reason, value: r.n })),
        },
      ],
    }),
    [data],
  );
  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {(['total', 'good', 'bad', 'rectified', 'callback'] as const).map((k) => (
          <Col xs={12} md={4} key={k}>
            <Card size="small">
              <Statistic title={t(`kpi.${k}`)} value={totals[k]} loading={isLoading} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} lg={16}>
          <Card size="small" title={t('trendTitle')}>
            <EChart option={trend} height={260} />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('reasonsTitle')}>
            <EChart option={reasons} height={260} />
          </Card>
        </Col>
      </Row>
      <Table<Standing>
        size="small"
        rowKey={(s) => s.unit.id}
        loading={isLoading}
        dataSource={data?.standings ?? []}
        pagination={false}
        scroll={{ x: 760 }}
        columns={[
          { title: t('columns.rank'), dataIndex: 'rank', width: 64 },
          { title: t('columns.unit'), render: (_, s) => s.unit.name },
          {
            title: t('columns.satisfaction'),
            render: (_, s) => <Typography.Text strong>{s.satisfaction.shown}</Typography.Text>,
          },
          { title: t('columns.total'), render: (_, s) => s.counts.total },
          { title: t('columns.good'), render: (_, s) => `${s.figures.goodRate.shown}%` },
          { title: t('columns.bad'), render: (_, s) => s.counts.bad },
          {
            title: t('columns.rectified'),
            render: (_, s) => (s.figures.rectifiedRate.value === null ? '—' : `${s.figures.rectifiedRate.shown}%`),
          },
          {
            title: t('columns.callback'),
            render: (_, s) => (s.figures.callbackRate.value === null ? '—' : `${s.figures.callbackRate.shown}%`),
          },
        ]}
      />
    </>
  );
}
