import { useMemo } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { useTranslation } from 'react-i18next';
import type { ProjectCard } from '@leitai/core';
import { EChart } from '../../components/echart';
import { useStageScale } from '../../components/use-stage-scale';
import { WARNING_COLOURS } from '../../components/warning-tag';
import { useDashboard } from './api';
import { useYear } from './nav';

const W = 1920;
const H = 1080;
const GOLD = '#ffd666';
const CARDS: ProjectCard[] = ['green', 'yellow', 'red', 'overdue', 'pending'];
/** Red cards on the screen at once: the 调度会 reads the worst first. */
const RED_ROWS = 10;

/**
 * 调度会大屏: the month's 开工率, 竣工率, 投资完成率 against the pace, the cards and the red list, large
 * enough for a hall. Opened from a signed-in browser on the screen computer; refreshes every minute.
 */
export function ProjectScreenPage() {
  const { t } = useTranslation('projects');
  const scale = useStageScale(W, H);
  const q = useDashboard(useYear());
  const d = q.data;
  const charts = useMemo(() => {
    if (!d) return null;
    const text = { color: '#fff', fontSize: 22 };
    const units = [...d.byUnit].sort((a, b) => Number(b.percent ?? 0) - Number(a.percent ?? 0)).slice(0, 12);
    const byUnit: EChartsCoreOption = {
      grid: { left: 240, right: 60, top: 36, bottom: 30 },
      xAxis: {
        type: 'value',
        max: 120,
        axisLabel: { ...text, fontSize: 18, formatter: '{value}%' },
        splitLine: { lineStyle: { color: '#5a1a1a' } },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: units.map((u) => u.label),
        axisLabel: { ...text, fontSize: 20, width: 220, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          data: units.map((u) => Number(u.percent ?? 0)),
          itemStyle: { color: GOLD },
          label: { show: true, position: 'right', ...text, fontSize: 18, formatter: '{c}%' },
          markLine: {
            symbol: 'none',
            lineStyle: { color: '#fff', type: 'dashed' },
            label: {
              ...text,
              fontSize: 18,
              position: 'start',
              formatter: t('dashboard.pace', { percent: `${d.rates.investment.pacePercent ?? '—'}%` }),
            },
            data: [{ xAxis: Number(d.rates.investment.pacePercent ?? 0) }],
          },
        },
      ],
    };
    return { byUnit };
  }, [d, t]);
  const big = (label: string, value: string | null, note: string) => (
    <div style={{ flex: 1, background: 'rgba(0,0,0,0.25)', borderRadius: 12, padding: '20px 28px' }}>
      <div style={{ fontSize: 30, opacity: 0.85 }}>{label}</div>
      <div style={{ fontSize: 88, fontWeight: 700, color: GOLD, lineHeight: 1.1 }}>
        {value === null ? '—' : `${value}%`}
      </div>
      <div style={{ fontSize: 24, opacity: 0.75 }}>{note}</div>
    </div>
  );
  return (
    <div style={{ position: 'fixed', inset: 0, background: '#1a0505', overflow: 'hidden' }}>
      <div
        data-testid="project-screen"
        style={{
          width: W,
          height: H,
          transform: `scale(${scale})`,
          transformOrigin: 'top left',
          color: '#fff',
          fontFamily: '"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif',
          background: 'radial-gradient(circle at 30% 20%, #7f1010 0%, #3a0707 55%, #1a0505 100%)',
          padding: '40px 64px',
          boxSizing: 'border-box',
        }}
      >
        {!d || !charts ? (
          <div style={{ fontSize: 48 }}>{q.error ? q.error.message : '…'}</div>
        ) : (
          <>
            <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline' }}>
              <div style={{ fontSize: 56, fontWeight: 700, color: GOLD }}>{t('screen.title')}</div>
              <div style={{ fontSize: 32, opacity: 0.85 }}>
                {t('dashboard.subtitle', { period: d.period, count: d.count })}
              </div>
            </div>
            <div style={{ display: 'flex', gap: 24, margin: '24px 0' }}>
              {big(
                t('dashboard.startRate'),
                d.rates.start.percent,
                t('dashboard.ofDue', { done: d.rates.start.done, due: d.rates.start.due }),
              )}
              {big(
                t('dashboard.completionRate'),
                d.rates.completion.percent,
                t('dashboard.ofDue', { done: d.rates.completion.done, due: d.rates.completion.due }),
              )}
              {big(
                t('dashboard.investmentRate'),
                d.rates.investment.percent,
                t('dashboard.pace', { percent: `${d.rates.investment.pacePercent ?? '—'}%` }),
              )}
            </div>
            <div style={{ display: 'flex', gap: 24, height: 700 }}>
              <div style={{ flex: 3 }}>
                <div style={{ fontSize: 30, marginBottom: 8 }}>{t('screen.byUnit')}</div>
                <EChart option={charts.byUnit} height={640} />
              </div>
              <div style={{ flex: 2, display: 'flex', flexDirection: 'column' }}>
                <div style={{ fontSize: 30, marginBottom: 12 }}>{t('dashboard.cards')}</div>
                <div style={{ display: 'flex', gap: 12, marginBottom: 12 }}>
                  {CARDS.filter((c) => d.cards[c] > 0).map((c) => (
                    <div
                      key={c}
                      style={{
                        flex: 1,
                        borderTop: `8px solid ${WARNING_COLOURS[c]}`,
                        background: 'rgba(0,0,0,0.25)',
                        padding: '10px 14px',
                      }}
                    >
                      <div style={{ fontSize: 24, opacity: 0.85 }}>{t(`cards.${c}`)}</div>
                      <div style={{ fontSize: 56, fontWeight: 700 }}>{d.cards[c]}</div>
                    </div>
                  ))}
                </div>
                <div style={{ fontSize: 30, margin: '8px 0' }}>{t('dashboard.red')}</div>
                {d.red.slice(0, RED_ROWS).map((r) => (
                  <div
                    key={r.id}
                    style={{ fontSize: 24, padding: '6px 0', borderBottom: '1px solid rgba(255,255,255,0.15)' }}
                  >
                    <span style={{ color: '#ff7875' }}>● </span>
                    {r.name}
                    <span style={{ opacity: 0.7 }}> · {r.unit.name}</span>
                  </div>
                ))}
                {d.red.length > RED_ROWS && (
                  <div style={{ fontSize: 22, opacity: 0.7 }}>
                    {t('screen.more', { count: d.red.length - RED_ROWS })}
                  </div>
                )}
              </div>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
