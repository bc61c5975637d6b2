import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, Col, Row, Table } from 'antd';
import { EChart } from '../../components/echart';
import { useRoundStats } from './api';
import type { RoundStats } from './types';

/** 按单位、按月统计: ideas sent and adopted by month (ECharts) and by unit. */
export function StatsTab({ roundId }: { roundId: number }) {
  const { t } = useTranslation('suggestions');
  const q = useRoundStats(roundId, true);
  const s = q.data;
  const option = useMemo(() => (s ? monthly(s, t('stats.submitted'), t('stats.adopted')) : null), [s, t]);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('stats.byMonth')}>
          {option && <EChart option={option} height={300} />}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('stats.byUnit')}>
          <Table
            rowKey={(r) => r.unitId ?? 0}
            size="small"
            loading={q.isLoading}
            data-testid="stats-by-unit"
            dataSource={s?.byUnit}
            pagination={{ pageSize: 10, showSizeChanger: false }}
            columns={[
              { title: t('list.unit'), key: 'unit', render: (_, r) => r.unitName ?? t('list.public') },
              { title: t('stats.submitted'), dataIndex: 'submitted', align: 'right', width: 80 },
              { title: t('stats.adopted'), dataIndex: 'adopted', align: 'right', width: 80 },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}

function monthly(s: RoundStats, submitted: string, adopted: string) {
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: [submitted, adopted], top: 0 },
    grid: { left: 40, right: 16, top: 40, bottom: 28 },
    xAxis: { type: 'category', data: s.byMonth.map((m) => m.month) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: submitted, type: 'bar', data: s.byMonth.map((m) => m.submitted) },
      { name: adopted, type: 'bar', data: s.byMonth.map((m) => m.adopted) },
    ],
  };
}
