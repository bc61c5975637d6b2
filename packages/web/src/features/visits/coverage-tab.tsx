import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { App, Button, Card, Col, Flex, InputNumber, Row, Select, Space, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { ApiError } from '../../lib/api';
import { EChart } from '../../components/echart';
import { exportCoverage, useCoverage } from './api';
import type { Coverage, CoverageBy } from './types';

const BYS: CoverageBy[] = ['cadre', 'street', 'industry', 'scale'];
/** The server's fractions as percentages, one place. */
export const percent = (rate: number | null): string => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/** 走访覆盖: who has not been visited in N days, by cadre, street, industry or scale; months; solved rate by unit. */
export function CoverageTab() {
  const { t } = useTranslation('visits');
  const { message } = App.useApp();
  const [days, setDays] = useState(30);
  const [by, setBy] = useState<CoverageBy>('cadre');
  const q = useCoverage(days, by);
  const c = q.data;
  const monthly = useMemo(() => (c ? monthlyOption(c, t('coverage.visits'), t('coverage.requests')) : null), [c, t]);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Flex gap={8} wrap align="center">
        <span>{t('coverage.days')}</span>
        <InputNumber
          aria-label={t('coverage.days')}
          min={1}
          max={366}
          value={days}
          onChange={(v) => v !== null && setDays(v)}
        />
        <Select
          aria-label={t('coverage.by')}
          style={{ width: 150 }}
          value={by}
          options={BYS.map((value) => ({ value, label: t(`coverage.byOptions.${value}`) }))}
          onChange={(v: CoverageBy) => setBy(v)}
        />
        <Button
          icon={<DownloadOutlined />}
          onClick={() =>
            void exportCoverage(days, by).catch((e: Error) =>
              message.error(e instanceof ApiError ? e.message : String(e)),
            )
          }
        >
          {t('coverage.export')}
        </Button>
      </Flex>
      {c && (
        <Typography.Text data-testid="coverage-summary">
          {t('coverage.summary', {
            assigned: c.total.assigned,
            unvisited: c.total.unvisited,
            days: c.days,
            rate: percent(c.total.rate),
          })}
        </Typography.Text>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t(`coverage.byOptions.${by}`)}>
            <Table
              rowKey="label"
              size="small"
              loading={q.isLoading}
              dataSource={c?.rows}
              pagination={{ pageSize: 10, showSizeChanger: false }}
              columns={[
                { title: t(`coverage.byOptions.${by}`), dataIndex: 'label' },
                { title: t('coverage.assigned'), dataIndex: 'assigned', align: 'right', width: 90 },
                { title: t('coverage.unvisited'), dataIndex: 'unvisited', align: 'right', width: 90 },
                {
                  title: t('coverage.rate'),
                  key: 'rate',
                  align: 'right',
                  width: 90,
                  render: (_, r) => percent(r.rate),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('coverage.monthly')}>
            {monthly && <EChart option={monthly} height={300} />}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('coverage.solved')}>
            <Table
              rowKey="unitId"
              size="small"
              data-testid="solved-table"
              dataSource={c?.solved}
              pagination={false}
              columns={[
                { title: t('coverage.unit'), dataIndex: 'unitName' },
                { title: t('coverage.dispatched'), dataIndex: 'dispatched', align: 'right', width: 80 },
                { title: t('coverage.solvedCount'), dataIndex: 'solved', align: 'right', width: 80 },
                {
                  title: t('coverage.solvedRate'),
                  key: 'rate',
                  align: 'right',
                  width: 90,
                  render: (_, r) => percent(r.rate),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('coverage.unvisitedList')}>
            <Table
              rowKey="enterpriseId"
              size="small"
              dataSource={c?.unvisited}
              pagination={{ pageSize: 10, showSizeChanger: false }}
              columns={[
                { title: t('fields.name'), dataIndex: 'name' },
                { title: t('fields.street'), key: 'street', width: 110, render: (_, r) => r.streetName ?? '—' },
                { title: t('coverage.cadres'), key: 'cadres', width: 110, render: (_, r) => r.cadres.join('、') },
                {
                  title: t('coverage.lastVisit'),
                  key: 'last',
                  width: 105,
                  render: (_, r) => r.lastVisit ?? t('coverage.never'),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}

function monthlyOption(c: Coverage, visits: string, requests: string) {
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: [visits, requests], top: 0 },
    grid: { left: 40, right: 16, top: 40, bottom: 28 },
    xAxis: { type: 'category', data: c.monthly.map((m) => m.month.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: visits, type: 'bar', data: c.monthly.map((m) => m.visits) },
      { name: requests, type: 'line', data: c.monthly.map((m) => m.requests) },
    ],
  };
}
