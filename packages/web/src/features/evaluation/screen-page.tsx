import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { useStageScale } from '../../components/use-stage-scale';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import type { EvaluationDetail, RankingRow } from './api/types';

const W = 1920;
const H = 1080;
const RED = '#b71c1c';
const GOLD = '#ffd666';
/** Seconds each category stays on the screen. */
const DWELL = 12;

/**
 * 大屏: the published ranking, one category at a time, in turn. Opened from a signed-in browser on the
 * hall's screen computer (it reads what that account may read); refreshes every minute.
 */
export function EvaluationScreenPage() {
  const { t } = useTranslation('evaluation');
  const id = Number(useParams().id);
  const scale = useStageScale(W, H);
  const q = useQuery({
    queryKey: ['evaluation-screen', id],
    queryFn: () => api.get<EvaluationDetail>(`/evaluations/${id}`),
    refetchInterval: 60_000,
  });
  const [turn, setTurn] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTurn((n) => n + 1), DWELL * 1000);
    return () => clearInterval(timer);
  }, []);
  const d = q.data;
  const categories = d?.ranking ?? [];
  const c = categories.length > 0 ? categories[turn % categories.length] : undefined;
  const version = d?.versions.at(-1);
  return (
    <div style={{ position: 'fixed', inset: 0, background: '#1a0505', overflow: 'hidden' }}>
      <div
        data-testid="evaluation-screen"
        style={{
          width: W,
          height: H,
          transform: `scale(${scale})`,
          transformOrigin: 'top left',
          color: '#fff',
          fontFamily: '"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif',
          background: 'radial-gradient(circle at 30% 20%, #7f1010 0%, #3a0707 55%, #1a0505 100%)',
          padding: '48px 80px',
          boxSizing: 'border-box',
        }}
      >
        {!d || !c ? (
          <div style={{ fontSize: 48 }}>{q.error ? q.error.message : t('screen.waiting')}</div>
        ) : (
          <>
            <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline' }}>
              <div style={{ fontSize: 60, fontWeight: 700, color: GOLD }}>{d.evaluation.name}</div>
              <div style={{ fontSize: 32, opacity: 0.85 }}>
                {d.evaluation.stateLabel}
                {version ? ` · ${t('versions.title', { version: version.version })}` : ''}
              </div>
            </div>
            <div style={{ fontSize: 44, margin: '16px 0 24px', display: 'flex', gap: 24, alignItems: 'center' }}>
              <span>{c.categoryName}</span>
              <span style={{ fontSize: 28, opacity: 0.7 }}>
                {t('screen.page', { n: (turn % categories.length) + 1, of: categories.length })}
              </span>
            </div>
            <Rows rows={c.rows.slice(0, 14)} />
          </>
        )}
      </div>
    </div>
  );
}

function Rows({ rows }: { rows: RankingRow[] }) {
  const { t } = useTranslation('evaluation');
  const cell = { padding: '10px 16px' } as const;
  return (
    <table style={{ width: '100%', borderCollapse: 'collapse', fontSize: 38 }}>
      <thead>
        <tr style={{ color: GOLD, fontSize: 30, textAlign: 'left' }}>
          <th style={cell}>{t('columns.rank')}</th>
          <th style={cell}>{t('columns.unit')}</th>
          <th style={{ ...cell, textAlign: 'right' }}>{t('columns.total')}</th>
          <th style={cell}>{t('columns.grade')}</th>
          <th style={cell}>{t('columns.change')}</th>
          <th style={cell}>{t('columns.lists')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr
            key={r.unitId}
            style={{
              background: r.honour ? 'rgba(255,214,102,0.12)' : 'transparent',
              borderTop: '1px solid rgba(255,255,255,0.12)',
            }}
          >
            <td style={{ ...cell, width: 110, fontWeight: 700 }}>{r.rank}</td>
            <td style={cell}>{r.unitName}</td>
            <td style={{ ...cell, textAlign: 'right', fontWeight: 700 }}>{r.totalShown}</td>
            <td style={cell}>{r.grade}</td>
            <td
              style={{
                ...cell,
                color:
                  r.rankChange && r.rankChange > 0 ? '#ff7875' : r.rankChange && r.rankChange < 0 ? '#95de64' : '#fff',
              }}
            >
              {r.rankChange === null
                ? '—'
                : r.rankChange > 0
                  ? `▲ ${r.rankChange}`
                  : r.rankChange < 0
                    ? `▼ ${-r.rankChange}`
                    : '—'}
            </td>
            <td style={cell}>
              {r.honour ? (
                <span style={{ background: RED, padding: '2px 14px', borderRadius: 6 }}>{t('honourTag')}</span>
              ) : r.warning ? (
                <span style={{ background: '#555', padding: '2px 14px', borderRadius: 6 }}>{t('warningTag')}</span>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
