import { useEffect, useRef } from 'react';
// `use` is echarts' registration, not React's hook: imported under another name so the hooks rule reads it right.
import { init, use as registerCharts, type EChartsCoreOption } from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// Only the pieces the charts need, so the chart adds little to the bundle. (echarts-for-react needs a
// top-level tslib that the workspace does not install; this wrapper is the few lines we use of it.)
registerCharts([LineChart, BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** An echarts chart of the given option, resized with its box. */
export function EChart({ option, height }: { option: EChartsCoreOption; height: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = init(ref.current);
    chart.setOption(option, true);
    // The box's own size, not the window's: a chart in a card laid out after it mounts would overflow.
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option]);
  return <div ref={ref} style={{ height, width: '100%' }} />;
}
