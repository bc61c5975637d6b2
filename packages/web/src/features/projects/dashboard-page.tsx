import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { App, Button, Card, Col, Empty, List, Progress, Row, Statistic } from 'antd';
import { FileExcelOutlined, FileWordOutlined, FundProjectionScreenOutlined } from '@ant-design/icons';
import type { EChartsCoreOption } from 'echarts/core';
import type { ProjectCard } from '@leitai/core';
import { Page } from '../../components/page';
import { EChart } from '../../components/echart';
import { WARNING_COLOURS } from '../../components/warning-tag';
import { downloadBulletin, useDashboard } from './api';
import { ApiError } from '../../lib/api';
import { ProjectsNav, useYear, withYear } from './nav';
import type { Sum } from './types';

const CARDS: ProjectCard[] = ['green', 'yellow', 'red', 'overdue', 'pending'];

/** Done and planned side by side (万元), horizontal bars so long unit names stay readable. */
function sumsOption(rows: Sum[], labels: { completed: string; planToDate: string }): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 150, right: 24, top: 28, bottom: 20 },
    xAxis: { type: 'value' },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.label),
      axisLabel: { width: 140, overflow: 'truncate' },
    },
    series: [
      {
        name: labels.completed,
        type: 'bar',
        data: rows.map((r) => Number(r.completed)),
        itemStyle: { color: '#1677ff' },
      },
      {
        name: labels.planToDate,
        type: 'bar',
        data: rows.map((r) => Number(r.planToDate)),
        itemStyle: { color: '#d9d9d9' },
      },
    ],
  };
}

/** 项目看板: 开工率, 竣工率 and 投资完成率 against the pace, investment by unit and kind, stages, cards, the red list. */
export function DashboardPage() {
  const year = useYear();
  const q = useDashboard(year);
  const { t } = useTranslation('projects');
  const d = q.data;
  const { message } = App.useApp();
  const bulletin = async (format: 'docx' | 'xlsx') => {
    try {
      await downloadBulletin(year, format);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : t('errors.failed'));
    }
  };
  const labels = { completed: t('fields.completed'), planToDate: t('fields.planToDate') };
  const options = useMemo(() => {
    if (!d) return null;
    return {
      byUnit: sumsOption(d.byUnit, labels),
      byKind: sumsOption(
        d.byKind.map((k) => ({ ...k, label: t(`kinds.${k.key as 'industry'}`) })),
        labels,
      ),
      stages: {
        tooltip: { trigger: 'item' },
        series: [
          {
            type: 'funnel',
            sort: 'descending',
            minSize: '8%',
            // The labels sit left of the funnel, where there is room for them; inside, the narrow stages clip them.
            left: '34%',
            right: 12,
            top: 8,
            bottom: 8,
            gap: 2,
            label: { position: 'left', formatter: '{b}：{c}' },
            labelLine: { length: 12 },
            data: d.stages.map((s) => ({ name: t(`stages.${s.stage}`), value: s.atLeast })),
          },
        ],
      },
      cards: {
        tooltip: { trigger: 'item' },
        legend: { bottom: 0 },
        series: [
          {
            type: 'pie',
            radius: ['45%', '70%'],
            label: { formatter: '{b} {c}' },
            data: CARDS.filter((c) => d.cards[c] > 0).map((c) => ({
              name: t(`cards.${c}`),
              value: d.cards[c],
              itemStyle: { color: WARNING_COLOURS[c] },
            })),
          },
        ],
      },
    } satisfies Record<string, EChartsCoreOption>;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- labels follow t
  }, [d, t]);
  const rate = (title: string, percent: string | null, pace: string | null, note: string) => (
    <Card size="small">
      <Statistic title={title} value={percent ?? '—'} suffix={percent === null ? '' : '%'} />
      <Progress percent={Number(percent ?? 0)} success={{ percent: Number(pace ?? 0) }} showInfo={false} />
      <div style={{ color: '#8c8c8c', fontSize: 12 }}>{note}</div>
    </Card>
  );
  return (
    <Page
      title={t('dashboard.title')}
      subtitle={d ? t('dashboard.subtitle', { period: d.period, count: d.count }) : undefined}
      extra={
        <>
          <ProjectsNav />
          <Button icon={<FileWordOutlined />} onClick={() => void bulletin('docx')}>
            {t('dashboard.word')}
          </Button>
          <Button icon={<FileExcelOutlined />} onClick={() => void bulletin('xlsx')}>
            {t('dashboard.excel')}
          </Button>
          <Button href={withYear('/projects/screen', year)} target="_blank" icon={<FundProjectionScreenOutlined />}>
            {t('dashboard.screen')}
          </Button>
        </>
      }
    >
      {d && d.byUnit.length === 0 && (
        <Card>
          <Empty description={t('dashboard.noPlans', { year })} />
        </Card>
      )}
      {d && options && d.byUnit.length > 0 && (
        <Row gutter={[16, 16]}>
          <Col xs={24} md={8}>
            {rate(
              t('dashboard.startRate'),
              d.rates.start.percent,
              null,
              t('dashboard.ofDue', { done: d.rates.start.done, due: d.rates.start.due }),
            )}
          </Col>
          <Col xs={24} md={8}>
            {rate(
              t('dashboard.completionRate'),
              d.rates.completion.percent,
              null,
              t('dashboard.ofDue', { done: d.rates.completion.done, due: d.rates.completion.due }),
            )}
          </Col>
          <Col xs={24} md={8}>
            {rate(
              t('dashboard.investmentRate'),
              d.rates.investment.percent,
              d.rates.investment.pacePercent,
              `${d.rates.investment.completed} / ${d.rates.investment.yearPlan} · ${t('dashboard.pace', { percent: `${d.rates.investment.pacePercent ?? '—'}%` })}`,
            )}
          </Col>
          <Col xs={24} lg={14}>
            <Card size="small" title={t('dashboard.byUnit')}>
              <EChart option={options.byUnit} height={Math.max(220, d.byUnit.length * 26 + 50)} />
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card size="small" title={t('dashboard.red')}>
              {d.red.length === 0 ? (
                <Empty description={t('dashboard.noRed')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
              ) : (
                <List
                  size="small"
                  dataSource={d.red}
                  renderItem={(r) => (
                    <List.Item>
                      <List.Item.Meta
                        title={<Link to={withYear(`/projects/${r.id}`, year)}>{r.name}</Link>}
                        description={`${r.unit.name} · ${r.reasons.join('；')}`}
                      />
                    </List.Item>
                  )}
                />
              )}
            </Card>
            <Card size="small" title={t('dashboard.cards')} style={{ marginTop: 16 }}>
              <EChart option={options.cards} height={240} />
            </Card>
          </Col>
          <Col xs={24} lg={14}>
            <Card size="small" title={t('dashboard.byKind')}>
              <EChart option={options.byKind} height={220} />
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card size="small" title={t('dashboard.stages')}>
              <EChart option={options.stages} height={260} />
            </Card>
          </Col>
        </Row>
      )}
    </Page>
  );
}
