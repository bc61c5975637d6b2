import { useMemo } from 'react';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { MILESTONES, type Milestone } from '@leitai/core';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/echart';
import { useNarrow } from '../../components/use-narrow';
import { WARNING_COLOURS } from '../../components/warning-tag';
import type { Dates, GanttRow } from './types';

const DAY = 86_400_000;
/** The milestones a project's work begins with; a plan without them started before the year. */
const BEGINNINGS: Milestone[] = ['signing', 'land', 'start'];
const ms = (date: string) => Date.parse(`${date}T00:00:00Z`);
const ROW = 34;
/** Rows shown at once; the rest scroll with the slider (a city's 2,000 projects stay one light canvas). */
const WINDOW = 18;

/** A plan's span in the year: its first milestone (or 1 January) to its last (or 31 December), clamped. */
function span(dates: Dates, year: number): [number, number] {
  const from = ms(`${year}-01-01`);
  const to = ms(`${year}-12-31`);
  const times = (list: readonly Milestone[]) =>
    list
      .map((m) => dates[m])
      .filter((d): d is string => d !== undefined)
      .map(ms);
  const all = times(MILESTONES);
  if (all.length === 0) return [from, to];
  // A project under way before the year (its plan starts at 主体完工 or later) runs from 1 January.
  const opening = times(BEGINNINGS);
  const first = opening.length > 0 ? Math.min(...opening) : from;
  const last = Math.max(...all);
  return [Math.max(from, first), Math.min(to, last <= first ? to : last)];
}

/**
 * 挂图作战 drawn with ECharts' custom series (no Gantt library: echarts is already in the bundle and
 * draws baselines, progress, diamonds and a today line as plain shapes). Per project: a thin grey bar for
 * the start-of-year baseline, a bar for the plan in force coloured by the month's card with its
 * investment progress filled dark, hollow diamonds for planned milestones and filled ones where reached.
 */
export function GanttChart({
  rows,
  year,
  today,
  onChart,
}: {
  rows: GanttRow[];
  year: number;
  today: string;
  onChart?: (chart: EChartsType | null) => void;
}) {
  const { t } = useTranslation('projects');
  const narrow = useNarrow();
  const option = useMemo<EChartsCoreOption>(() => {
    const names = rows.map((r) => `${r.code} ${r.name}`);
    const bars = rows.map((r, i) => {
      const [b0, b1] = span(r.baseline, year);
      const [c0, c1] = span(r.current, year);
      const progress = Math.min(1, Number(r.completedPercent ?? 0) / 100);
      return { value: [i, b0, b1, c0, c1, progress], card: r.card ?? 'pending', row: r };
    });
    const inYear = (d: string) => d.startsWith(String(year));
    const marks = rows.flatMap((r, i) =>
      (Object.entries(r.current) as [Milestone, string][])
        .filter(([m, d]) => inYear(r.reached[m] ?? d))
        .map(([m, d]) => ({
          value: [i, ms(r.reached[m] ?? d), r.reached[m] ? 1 : 0],
          milestone: m,
          planned: d,
          reached: r.reached[m] ?? null,
        })),
    );
    const end = Math.min(100, (WINDOW / Math.max(rows.length, 1)) * 100);
    return {
      animation: false,
      grid: { left: narrow ? 112 : 260, right: narrow ? 24 : 40, top: 36, bottom: 28 },
      tooltip: {
        trigger: 'item',
        formatter: (p: {
          data: { row?: GanttRow; milestone?: Milestone; planned?: string; reached?: string | null };
        }) => {
          const d = p.data;
          if (d.row)
            return `${d.row.name}<br/>${t('fields.unit')}：${d.row.unit.name}<br/>${t('fields.card')}：${d.row.card ? t(`cards.${d.row.card}`) : '—'}<br/>${t('fields.completed')}：${d.row.completed} / ${d.row.yearPlan}${d.row.changes > 0 ? `<br/>${t('gantt.changed')}` : ''}`;
          return `${d.milestone ? t(`milestones.${d.milestone}`) : ''}：${t('gantt.plannedMark')} ${d.planned ?? ''}${d.reached ? `，${t('gantt.reachedMark')} ${d.reached}` : ''}`;
        },
      },
      xAxis: {
        type: 'time',
        position: 'top',
        min: ms(`${year}-01-01`),
        max: ms(`${year}-12-31`) + DAY,
        splitLine: { show: true, lineStyle: { color: '#f0f0f0' } },
        splitNumber: narrow ? 4 : 12,
        axisLabel: { formatter: (v: number) => `${new Date(v).getUTCMonth() + 1}月` },
      },
      yAxis: {
        type: 'category',
        data: names,
        inverse: true,
        axisTick: { show: false },
        axisLabel: { width: narrow ? 104 : 240, overflow: 'truncate', fontSize: narrow ? 11 : 12 },
      },
      dataZoom:
        rows.length > WINDOW
          ? [
              { type: 'slider', yAxisIndex: 0, start: 0, end, right: 8, width: 14, showDetail: false, zoomLock: true },
              { type: 'inside', yAxisIndex: 0, start: 0, end, zoomOnMouseWheel: false, moveOnMouseWheel: true },
            ]
          : [],
      series: [
        {
          type: 'custom',
          name: t('gantt.plan'),
          encode: { x: [1, 2, 3, 4], y: 0 },
          data: bars,
          renderItem: (params: unknown, api: RenderApi) => {
            const row = api.value(0);
            const [bx0, y] = api.coord([api.value(1), row]);
            const [bx1] = api.coord([api.value(2), row]);
            const [cx0] = api.coord([api.value(3), row]);
            const [cx1] = api.coord([api.value(4), row]);
            const h = api.size([0, 1])[1] ?? ROW;
            const card = bars[(params as { dataIndex: number }).dataIndex]?.card ?? 'pending';
            const progress = api.value(5);
            return {
              type: 'group',
              children: [
                {
                  type: 'rect',
                  shape: { x: bx0, y: y + h * 0.22, width: Math.max(2, bx1 - bx0), height: h * 0.12 },
                  style: { fill: '#bfbfbf' },
                },
                {
                  type: 'rect',
                  shape: { x: cx0, y: y - h * 0.18, width: Math.max(2, cx1 - cx0), height: h * 0.34, r: 3 },
                  style: { fill: WARNING_COLOURS[card], opacity: 0.45 },
                },
                {
                  type: 'rect',
                  shape: {
                    x: cx0,
                    y: y - h * 0.18,
                    width: Math.max(0, (cx1 - cx0) * progress),
                    height: h * 0.34,
                    r: 3,
                  },
                  style: { fill: WARNING_COLOURS[card] },
                },
              ],
            };
          },
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { color: '#1677ff', type: 'dashed' },
            label: { formatter: t('gantt.today'), position: 'end', color: '#1677ff' },
            data: [{ xAxis: ms(today) }],
          },
        },
        {
          type: 'custom',
          name: t('gantt.reachedMark'),
          encode: { x: 1, y: 0 },
          data: marks,
          renderItem: (_: unknown, api: RenderApi) => {
            const [x, y] = api.coord([api.value(1), api.value(0)]);
            const s = 6;
            const reached = api.value(2) === 1;
            return {
              type: 'polygon',
              shape: {
                points: [
                  [x, y - s],
                  [x + s, y],
                  [x, y + s],
                  [x - s, y],
                ],
              },
              style: reached ? { fill: '#262626' } : { fill: '#fff', stroke: '#262626', lineWidth: 1.5 },
            };
          },
        },
      ],
    };
  }, [rows, year, today, t, narrow]);
  const height = Math.min(rows.length, WINDOW) * ROW + 70;
  return <EChart option={option} height={Math.max(height, 160)} onChart={onChart} renderer="svg" />;
}

/** The part of ECharts' custom-series API the shapes use. */
interface RenderApi {
  value(dim: number): number;
  coord(point: number[]): [number, number];
  size(point: number[]): number[];
}
