import { useEffect, useRef } from 'react';
// `use` is echarts' registration, not React's hook: imported under another name so the hooks rule reads it right.
import { init, use as registerCharts, type EChartsCoreOption, type EChartsType } from 'echarts/core';
import { BarChart, CustomChart, FunnelChart, LineChart, PieChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

// Only the pieces the charts need, so the chart adds little to the bundle. (echarts-for-react needs a
// top-level tslib that the workspace does not install; this wrapper is the few lines we use of it.)
registerCharts([
  LineChart,
  BarChart,
  PieChart,
  FunnelChart,
  // The battle map (挂图作战) draws its bars, baselines and milestone diamonds with a custom series.
  CustomChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  DataZoomComponent,
  MarkLineComponent,
  CanvasRenderer,
  SVGRenderer,
]);

/** An echarts chart of the given option, resized with its box. */
export function EChart({
  option,
  height,
  onChart,
  renderer = 'canvas',
}: {
  option: EChartsCoreOption;
  height: number;
  /** The chart instance, for a caller that saves it as an image. */
  onChart?: (chart: EChartsType | null) => void;
  /** SVG where the shapes are few and should be in the page (the battle map: printable, inspectable). */
  renderer?: 'canvas' | 'svg';
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = init(ref.current, undefined, { renderer });
    chart.setOption(option, true);
    onChart?.(chart);
    // The box's own size, not the window's: a chart in a card laid out after it mounts would overflow.
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      onChart?.(null);
      chart.dispose();
    };
  }, [option, onChart, renderer]);
  return <div ref={ref} style={{ height, width: '100%' }} />;
}
