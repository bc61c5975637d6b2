import { useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Card, Empty, Spin } from 'antd';
import { PictureOutlined, PrinterOutlined } from '@ant-design/icons';
import type { EChartsType } from 'echarts/core';
import { Page } from '../../components/page';
import { useGantt } from './api';
import { GanttChart } from './gantt-chart';
import { useRowFilter } from './list-page';
import { ProjectsNav, useYear } from './nav';

/** 挂图作战: the portfolio on one map, filtered by unit, kind and card; saved as an image or printed. */
export function GanttPage() {
  const year = useYear();
  const q = useGantt(year);
  const { t } = useTranslation('projects');
  const { filtered, bar } = useRowFilter(q.data?.rows);
  const chart = useRef<EChartsType | null>(null);
  const onChart = useCallback((c: EChartsType | null) => {
    chart.current = c;
  }, []);
  // The map is SVG (printable, sharp); the image is drawn from it at twice its size, as PNG.
  const savePng = () => {
    const c = chart.current;
    if (!c) return;
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = c.getWidth() * 2;
      canvas.height = c.getHeight() * 2;
      const g = canvas.getContext('2d');
      if (!g) return;
      g.fillStyle = '#fff';
      g.fillRect(0, 0, canvas.width, canvas.height);
      g.drawImage(image, 0, 0, canvas.width, canvas.height);
      const a = document.createElement('a');
      a.href = canvas.toDataURL('image/png');
      a.download = `挂图作战-${year}.png`;
      a.click();
    };
    image.src = c.getDataURL({ backgroundColor: '#fff' });
  };
  return (
    <Page
      title={t('gantt.title')}
      subtitle={q.data ? t('gantt.subtitle', { year, count: filtered.length }) : undefined}
      extra={
        <>
          <ProjectsNav />
          <Button icon={<PictureOutlined />} onClick={savePng}>
            {t('gantt.png')}
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('gantt.print')}
          </Button>
        </>
      }
    >
      {bar}
      <Card size="small" data-testid="gantt">
        {q.isLoading ? (
          <Spin />
        ) : filtered.length === 0 ? (
          <Empty description={t('gantt.empty')} />
        ) : (
          <GanttChart rows={filtered} year={year} today={q.data?.today ?? ''} onChart={onChart} />
        )}
      </Card>
    </Page>
  );
}
