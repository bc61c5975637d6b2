import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button, Card, Drawer, Flex, Select, Space, Statistic, Table, Tooltip, Typography } from 'antd';
import { DownloadOutlined, FileWordOutlined, LineChartOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { Page } from '../../components/page';
import { download } from '../../lib/api';
import { boardQuery, useBoard, useCampaignDetail, useCurrentCampaign, useUnitOverview, type BoardRow } from './api';
import { ReportStateTag, show, TimingTag, WarningTag } from './tags';
import { TrendChart } from './trend-chart';

/** 调度看板: units × indicators with actual, pace and the light; filters, sorting, a unit's trend, export and the bulletin. */
export function BoardPage() {
  const { campaign, year } = useCurrentCampaign();
  const detail = useCampaignDetail(campaign?.id, year);
  const periods = detail.data?.periods ?? [];
  const [period, setPeriod] = useState<string | undefined>(undefined);
  const [categoryId, setCategoryId] = useState<number | undefined>(undefined);
  const [indicatorId, setIndicatorId] = useState<number | undefined>(undefined);
  const [trendUnit, setTrendUnit] = useState<BoardRow['unit'] | null>(null);
  const current = period ?? periods.at(-1)?.period;
  const board = useBoard(campaign?.id, { period: current, categoryId, indicatorId });
  const { message } = App.useApp();
  const b = board.data;

  const columns: ColumnsType<BoardRow> = useMemo(() => {
    if (!b) return [];
    return [
      { title: '名次', dataIndex: 'rank', width: 64, sorter: (x, y) => (x.rank ?? 99) - (y.rank ?? 99), render: (r: number | null) => r ?? '—' },
      {
        title: '单位',
        key: 'unit',
        fixed: 'left',
        width: 200,
        render: (_, r) => (
          <Space size={4}>
            <Link to={`/dispatch/unit/${r.unit.id}`}>{r.unit.name}</Link>
            <Tooltip title="月度趋势">
              <Button size="small" type="text" icon={<LineChartOutlined />} aria-label={`${r.unit.name}趋势`} onClick={() => setTrendUnit(r.unit)} />
            </Tooltip>
          </Space>
        ),
      },
      { title: '类别', key: 'cat', width: 100, render: (_, r) => r.unit.categoryName },
      {
        title: '报送',
        key: 'report',
        width: 150,
        render: (_, r) => (
          <Space size={2} wrap>
            {r.report.id !== null && current ? (
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
              （{i.measure}）
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
            <Tooltip title={`年度目标 ${show(c.base)}${c.stretch ? `，冲刺 ${show(c.stretch)}` : ''}；${c.gapPoints !== null ? `落后序时 ${show(c.gapPoints)} 个百分点` : c.ratio !== null ? `为序时的 ${show(String(Number(c.ratio) * 100))}%` : ''}`}>
              <Flex gap={6} align="center" data-testid={`cell-${r.unit.code}-${i.id}`}>
                <WarningTag state={c.state} />
                <span>
                  {show(c.actual)} / {show(c.expected)}
                </span>
              </Flex>
            </Tooltip>
          );
        },
      })),
    ];
  }, [b, current]);

  const get = (format: 'docx' | 'xlsx') => () =>
    download(`/dispatch/campaigns/${campaign!.id}/bulletin?period=${current}&format=${format}`).catch((e: Error) => message.error(e.message));

  return (
    <Page
      title="调度看板"
      subtitle={campaign ? `${campaign.name} · 完成值 / 序时目标，只计已审核通过的数据` : undefined}
      extra={
        <>
          <Button icon={<DownloadOutlined />} disabled={!current} onClick={() => download(`/dispatch/campaigns/${campaign!.id}/board/export?${boardQuery({ period: current!, categoryId, indicatorId })}`).catch((e: Error) => message.error(e.message))}>
            导出 Excel
          </Button>
          <Button icon={<FileWordOutlined />} type="primary" disabled={!current} onClick={get('docx')}>
            调度通报（Word）
          </Button>
          <Button disabled={!current} onClick={get('xlsx')}>
            调度通报（Excel）
          </Button>
        </>
      }
    >
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <Select aria-label="调度期间" style={{ width: 180 }} value={current} onChange={setPeriod} options={periods.map((p) => ({ value: p.period, label: `${p.period}${p.open ? '（填报中）' : ''}` }))} />
        <Select aria-label="考核类别" allowClear placeholder="全部类别" style={{ width: 150 }} value={categoryId} onChange={setCategoryId} options={(b?.categories ?? []).map((c) => ({ value: c.id, label: c.name }))} />
        <Select aria-label="指标" allowClear placeholder="全部指标" style={{ width: 200 }} value={indicatorId} onChange={setIndicatorId} options={(detail.data?.indicators ?? []).map((i) => ({ value: i.id, label: i.name }))} />
      </Flex>
      {b && (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Flex gap={40} wrap>
            <Statistic title="绿灯" value={b.totals.green} valueStyle={{ color: '#389e0d' }} />
            <Statistic title="黄灯" value={b.totals.yellow} valueStyle={{ color: '#d48806' }} />
            <Statistic title="红灯" value={b.totals.red} valueStyle={{ color: '#cf1322' }} />
            <Statistic title="逾期未报" value={b.totals.overdue} valueStyle={{ color: '#c41d7f' }} />
            <Statistic title="待报 / 待审核" value={b.totals.pending} />
            <Statistic title="填报截止" value={b.period.deadline} />
          </Flex>
        </Card>
      )}
      <Table<BoardRow> rowKey={(r) => r.unit.id} size="small" loading={board.isLoading} columns={columns} dataSource={b?.rows ?? []} pagination={false} scroll={{ x: 'max-content' }} />
      <Drawer open={trendUnit !== null} onClose={() => setTrendUnit(null)} width={640} title={trendUnit ? `${trendUnit.name} · 月度趋势` : ''}>
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
