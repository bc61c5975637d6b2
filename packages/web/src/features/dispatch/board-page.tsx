import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { App, Button, Card, Drawer, Flex, Select, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined, FileWordOutlined, LineChartOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import type { BoardRow, Cell } from '@leitai/core';
import { useCurrentCampaign } from './api/get-campaigns';
import { useCampaignDetail } from './api/get-campaign';
import { useBoard, type BoardFilter } from './api/get-board';
import { useUnitOverview } from './api/get-unit-overview';
import { exportBoard } from './api/export-board';
import { downloadBulletin } from './api/download-bulletin';
import { WarningTag } from '../../components/warning-tag';
import { ReportStateTag, show, TimingTag } from './tags';
import { TrendChart } from './trend-chart';

/** 调度看板: units × indicators with actual, pace and the light; filters, sorting, a unit's trend, export and the bulletin. */
export function BoardPage() {
  const { campaign, year } = useCurrentCampaign();
  const detail = useCampaignDetail(campaign?.id, year);
  const periods = detail.data?.periods ?? [];
  // The home page's to-dos link a month and a report filter (?period=&report=submitted|missing).
  const [params] = useSearchParams();
  const [period, setPeriod] = useState<string | undefined>(params.get('period') ?? undefined);
  const linked = params.get('report');
  const [report, setReport] = useState<BoardFilter['report']>(
    linked === 'submitted' || linked === 'missing' ? linked : undefined,
  );
  const [categoryId, setCategoryId] = useState<number | undefined>(undefined);
  const [indicatorId, setIndicatorId] = useState<number | undefined>(undefined);
  const [trendUnit, setTrendUnit] = useState<BoardRow['unit'] | null>(null);
  const current = period ?? periods.at(-1)?.period;
  const board = useBoard(campaign?.id, { period: current, categoryId, indicatorId, report });
  const { message } = App.useApp();
  const { t } = useTranslation('dispatch');
  const b = board.data;

  const columns: ColumnsType<BoardRow> = useMemo(() => {
    if (!b) return [];
    const cellTip = (c: Cell) => {
      const target = c.stretch
        ? t('board.targetStretch', { base: show(c.base), stretch: show(c.stretch) })
        : t('board.target', { base: show(c.base) });
      const pace =
        c.shown.gapPoints !== null
          ? t('board.behind', { points: c.shown.gapPoints })
          : c.shown.ratioPercent !== null
            ? t('board.ofPace', { percent: c.shown.ratioPercent })
            : null;
      return pace === null ? t('board.tipNoPace', { target }) : t('board.tip', { target, pace });
    };
    return [
      {
        title: t('board.rank'),
        dataIndex: 'rank',
        width: 64,
        sorter: (x, y) => (x.rank ?? 99) - (y.rank ?? 99),
        render: (r: number | null) => r ?? '—',
      },
      {
        title: t('fields.unit'),
        key: 'unit',
        fixed: 'left',
        width: 200,
        render: (_, r) => (
          <Space size={4}>
            <Link to={`/dispatch/unit/${r.unit.id}`}>{r.unit.name}</Link>
            <Tooltip title={t('trend.title')}>
              <Button
                size="small"
                type="text"
                icon={<LineChartOutlined />}
                aria-label={t('board.trendOf', { name: r.unit.name })}
                onClick={() => setTrendUnit(r.unit)}
              />
            </Tooltip>
          </Space>
        ),
      },
      { title: t('fields.category'), key: 'cat', width: 100, render: (_, r) => r.unit.categoryName },
      {
        title: t('fields.report'),
        key: 'report',
        width: 150,
        render: (_, r) => (
          <Space size={2} wrap>
            {/* A missing report opens too: the office urges it there (催报). */}
            {current ? (
              <Link to={`/dispatch/report/${r.unit.id}/${current}`}>
                <ReportStateTag state={r.report.state} />
              </Link>
            ) : (
              <ReportStateTag state={r.report.state} />
            )}
            {r.report.timing !== 'not_due' && r.report.timing !== 'on_time' && <TimingTag timing={r.report.timing} />}
          </Space>
        ),
      },
      ...b.indicators.map((i) => ({
        title: (
          <span>
            {i.name}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('measureSuffix', { measure: i.measure })}
            </Typography.Text>
          </span>
        ),
        key: `i${i.id}`,
        width: 170,
        sorter: (x: BoardRow, y: BoardRow) => rankState(x, i.id) - rankState(y, i.id),
        render: (_: unknown, r: BoardRow) => {
          const c = r.cells.find((x) => x.indicatorId === i.id);
          if (!c) return <Typography.Text type="secondary">—</Typography.Text>;
          return (
            <Tooltip title={cellTip(c)}>
              <Flex gap={6} align="center" data-testid={`cell-${r.unit.code}-${i.id}`}>
                <WarningTag state={c.state} />
                <span>
                  {c.shown.actual ?? '—'} / {c.shown.expected}
                </span>
              </Flex>
            </Tooltip>
          );
        },
      })),
    ];
  }, [b, current, t]);

  const fail = (e: Error) => message.error(e.message);
  const get = (format: 'docx' | 'xlsx') => () => void downloadBulletin(campaign!.id, current!, format).catch(fail);

  return (
    <Page
      title={t('menu.board')}
      subtitle={campaign ? t('board.subtitle', { campaign: campaign.name }) : undefined}
      extra={
        <>
          <Button
            icon={<DownloadOutlined />}
            disabled={!current}
            onClick={() => void exportBoard(campaign!.id, { period: current!, categoryId, indicatorId }).catch(fail)}
          >
            {t('board.exportExcel')}
          </Button>
          <Button icon={<FileWordOutlined />} type="primary" disabled={!current} onClick={get('docx')}>
            {t('board.bulletinWord')}
          </Button>
          <Button disabled={!current} onClick={get('xlsx')}>
            {t('board.bulletinExcel')}
          </Button>
        </>
      }
    >
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('board.period')}
          style={{ width: 180 }}
          value={current}
          onChange={setPeriod}
          options={periods.map((p) => ({
            value: p.period,
            label: p.open ? t('board.periodOpen', { period: p.period }) : p.period,
          }))}
        />
        <Select
          aria-label={t('board.category')}
          allowClear
          placeholder={t('board.allCategories')}
          style={{ width: 150 }}
          value={categoryId}
          onChange={setCategoryId}
          options={(b?.categories ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
        <Select
          aria-label={t('fields.indicator')}
          allowClear
          placeholder={t('board.allIndicators')}
          style={{ width: 200 }}
          value={indicatorId}
          onChange={setIndicatorId}
          options={(detail.data?.indicators ?? []).map((i) => ({ value: i.id, label: i.name }))}
        />
        {report && (
          <Tag closable color="blue" onClose={() => setReport(undefined)} data-testid="board-report-filter">
            {t(`board.reportFilter.${report}`)}
          </Tag>
        )}
      </Flex>
      {b && (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Flex gap={40} wrap>
            <Statistic title={t('warning.green')} value={b.totals.green} valueStyle={{ color: '#389e0d' }} />
            <Statistic title={t('warning.yellow')} value={b.totals.yellow} valueStyle={{ color: '#d48806' }} />
            <Statistic title={t('warning.red')} value={b.totals.red} valueStyle={{ color: '#cf1322' }} />
            <Statistic title={t('warning.overdue')} value={b.totals.overdue} valueStyle={{ color: '#c41d7f' }} />
            <Statistic title={t('board.dueOrReview')} value={b.totals.pending} />
            <Statistic title={t('fields.filingDeadline')} value={b.period.deadline} />
          </Flex>
        </Card>
      )}
      <Table<BoardRow>
        rowKey={(r) => r.unit.id}
        size="small"
        loading={board.isLoading}
        columns={columns}
        dataSource={b?.rows ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <Drawer
        open={trendUnit !== null}
        onClose={() => setTrendUnit(null)}
        width={640}
        title={trendUnit ? t('board.drawerTitle', { name: trendUnit.name }) : ''}
      >
        {trendUnit && campaign && <UnitTrend campaignId={campaign.id} unitId={trendUnit.id} year={year} />}
      </Drawer>
    </Page>
  );
}

function UnitTrend({ campaignId, unitId, year }: { campaignId: number; unitId: number; year: number }) {
  const q = useUnitOverview(campaignId, unitId, year);
  return q.data ? <TrendChart series={q.data.trend} /> : null;
}

const ORDER = { red: 0, overdue: 1, yellow: 2, pending: 3, green: 4 } as const;
const rankState = (r: BoardRow, id: number) => {
  const c = r.cells.find((x) => x.indicatorId === id);
  return c ? ORDER[c.state] : 9;
};
