import { useMemo, useState } from 'react';
import { EChart } from './echart';
import { Empty, Segmented } from 'antd';
import type { TrendSeries } from './api';
import { WARNING_COLOURS } from './tags';

/** A unit's months for one indicator: actual (dots coloured by the light) against the pace line. */
export function TrendChart({ series, height = 300 }: { series: TrendSeries[]; height?: number }) {
  const [picked, setPicked] = useState<number | undefined>(undefined);
  const s = series.find((x) => x.indicatorId === picked) ?? series[0];
  const option = useMemo(() => (s ? chartOption(s) : null), [s]);
  if (!s || !option) return <Empty description="暂无调度数据" />;
  return (
    <div data-testid="trend-chart">
      {series.length > 1 && <Segmented size="small" value={s.indicatorId} onChange={(v) => setPicked(Number(v))} options={series.map((x) => ({ label: x.name, value: x.indicatorId }))} style={{ marginBottom: 8 }} />}
      <EChart option={option} height={height} />
    </div>
  );
}

function chartOption(s: TrendSeries) {
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: ['完成值', '序时目标'], top: 0, right: 0 },
    grid: { left: 50, right: 20, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: s.points.map((p) => p.period) },
    yAxis: { type: 'value', name: s.measure },
    series: [
      {
        name: '完成值',
        type: 'line',
        data: s.points.map((p) => ({ value: p.actual === null ? null : Number(p.actual), itemStyle: { color: WARNING_COLOURS[p.state] } })),
        symbolSize: 10,
        lineStyle: { color: '#1677ff' },
      },
      { name: '序时目标', type: 'line', data: s.points.map((p) => Number(p.expected)), lineStyle: { type: 'dashed', color: '#8c8c8c' }, itemStyle: { color: '#8c8c8c' } },
    ],
  };
}
