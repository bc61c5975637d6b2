import { useMemo, useState } from 'react';
import { EChart } from '../../components/echart';
import { Empty, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TrendSeries } from './api/get-unit-overview';
import { WARNING_COLOURS } from '../../components/warning-tag';

/** A unit's months for one indicator: actual (dots coloured by the light) against the pace line. */
export function TrendChart({ series, height = 300 }: { series: TrendSeries[]; height?: number }) {
  const { t } = useTranslation('dispatch');
  const [picked, setPicked] = useState<number | undefined>(undefined);
  const s = series.find((x) => x.indicatorId === picked) ?? series[0];
  const names = useMemo(() => ({ actual: t('trend.actual'), expected: t('trend.expected') }), [t]);
  const option = useMemo(() => (s ? chartOption(s, names) : null), [s, names]);
  if (!s || !option) return <Empty description={t('trend.empty')} />;
  return (
    <div data-testid="trend-chart">
      {series.length > 1 && (
        <Segmented
          size="small"
          value={s.indicatorId}
          onChange={(v) => setPicked(Number(v))}
          options={series.map((x) => ({ label: x.name, value: x.indicatorId }))}
          style={{ marginBottom: 8 }}
        />
      )}
      <EChart option={option} height={height} />
    </div>
  );
}

/**
 * `names` are the two lines' names in the interface's language; the legend matches series by them.
 * The chart plots the shown figures (two places, rounded once by the server), so its tooltip says
 * what the board says.
 */
function chartOption(s: TrendSeries, names: { actual: string; expected: string }) {
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: [names.actual, names.expected], top: 0, right: 0 },
    grid: { left: 50, right: 20, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: s.points.map((p) => p.period) },
    yAxis: { type: 'value', name: s.measure },
    series: [
      {
        name: names.actual,
        type: 'line',
        data: s.points.map((p) => ({
          value: p.shown.actual === null ? null : Number(p.shown.actual),
          itemStyle: { color: WARNING_COLOURS[p.state] },
        })),
        symbolSize: 10,
        lineStyle: { color: '#1677ff' },
      },
      {
        name: names.expected,
        type: 'line',
        data: s.points.map((p) => Number(p.shown.expected)),
        lineStyle: { type: 'dashed', color: '#8c8c8c' },
        itemStyle: { color: '#8c8c8c' },
      },
    ],
  };
}
