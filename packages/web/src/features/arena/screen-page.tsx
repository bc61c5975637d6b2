import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import { useStageScale } from '../../components/use-stage-scale';
import { Trans, useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { clock, useCountdown, useLiveArena } from './live';
import { fmt, type LiveSnapshot } from './types';

const W = 1920;
const H = 1080;
const ROW = 62;
const RED = '#b71c1c';
const GOLD = '#ffd666';

/** 大屏: the contestant on stage, the countdown, submissions, and after each reveal the live leaderboard. */
export function ScreenPage() {
  const { t } = useTranslation('arena');
  const { token = '' } = useParams();
  const { live, connected, clockOffset } = useLiveArena(`/api/screen/${encodeURIComponent(token)}/events`);
  const scale = useStageScale(W, H);
  return (
    <div style={{ position: 'fixed', inset: 0, background: '#1a0505', overflow: 'hidden' }}>
      <div
        data-testid="screen"
        style={{
          width: W,
          height: H,
          transform: `scale(${scale})`,
          transformOrigin: 'top left',
          color: '#fff',
          fontFamily: '"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif',
          background: `radial-gradient(circle at 30% 20%, #7f1010 0%, #3a0707 55%, #1a0505 100%)`,
        }}
      >
        {live ? (
          <Stage live={live} clockOffset={clockOffset} />
        ) : (
          <div style={{ fontSize: 48, padding: 80 }}>{t('screen.connecting')}</div>
        )}
        <div style={{ position: 'absolute', right: 24, bottom: 12, fontSize: 18, opacity: 0.6 }}>
          {connected ? t('screen.live') : t('screen.reconnecting')}
        </div>
      </div>
    </div>
  );
}

function Stage({ live, clockOffset }: { live: LiveSnapshot; clockOffset: number }) {
  const { t } = useTranslation(['arena', 'common']);
  const [language] = useLanguage();
  const done = live.contestants.filter((c) => c.phase === 'closed' || c.phase === 'revealed').length;
  return (
    <>
      <header
        style={{
          boxSizing: 'border-box',
          height: 150,
          padding: '28px 64px',
          borderBottom: `4px solid ${GOLD}`,
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'center',
        }}
      >
        <div>
          <div style={{ fontSize: 60, fontWeight: 800, letterSpacing: 4 }}>{live.title}</div>
          <div style={{ fontSize: 26, color: GOLD, letterSpacing: language === 'zh-CN' ? 12 : 2, marginTop: 6 }}>
            {t('common:app.tagline')}
          </div>
        </div>
        <div style={{ textAlign: 'right', fontSize: 28, opacity: 0.85 }}>
          <div>{live.heldOn}</div>
          <div style={live.status === 'finished' ? { color: GOLD, fontSize: 40, fontWeight: 800 } : undefined}>
            {live.status === 'finished'
              ? t('screen.concluded')
              : t('screen.progress', { done, total: live.contestants.length })}
          </div>
        </div>
      </header>
      <div style={{ display: 'flex', height: H - 150 - 70, overflow: 'hidden' }}>
        {live.status === 'finished' ? (
          <section style={{ boxSizing: 'border-box', width: W, padding: '28px 64px 0' }}>
            <Leaderboard live={live} columns={2} />
          </section>
        ) : (
          <>
            <section style={{ boxSizing: 'border-box', width: 1060, padding: '40px 64px' }}>
              <Current live={live} clockOffset={clockOffset} />
            </section>
            <section style={{ boxSizing: 'border-box', width: 860, padding: '32px 48px 0 0' }}>
              <Leaderboard live={live} columns={1} />
            </section>
          </>
        )}
      </div>
      <footer
        style={{
          boxSizing: 'border-box',
          height: 70,
          padding: '0 64px',
          display: 'flex',
          alignItems: 'center',
          fontSize: 22,
          opacity: 0.7,
        }}
      >
        {t('screen.footer', { seed: live.seed ?? t('notDrawn'), rule: live.rule })}
      </footer>
    </>
  );
}

function Current({ live, clockOffset }: { live: LiveSnapshot; clockOffset: number }) {
  const { t } = useTranslation('arena');
  const remaining = useCountdown(live, clockOffset);
  const cur = live.current;
  if (live.status === 'draft')
    return (
      <Big
        title={t('screen.aboutToStart')}
        sub={t('screen.lineup', { contestants: live.contestants.length, judges: live.judgesTotal })}
      />
    );
  if (!cur) return <Big title={t('screen.nextPlease')} sub="" />;
  const row = live.contestants.find((c) => c.id === cur.contestantId);
  const over = remaining !== null && remaining < 0;
  return (
    <div>
      <div style={{ fontSize: 34, color: GOLD }}>
        {t('screen.positionPhase', { position: cur.position, phase: t(`phase.${cur.phase}`) })}
      </div>
      <div
        data-testid="screen-current"
        style={{
          fontSize: cur.unitName.length > 14 ? 52 : cur.unitName.length > 9 ? 66 : 88,
          fontWeight: 800,
          margin: '16px 0 8px',
          lineHeight: 1.15,
        }}
      >
        {cur.unitName}
      </div>
      {cur.presenter && <div style={{ fontSize: 36, opacity: 0.85 }}>{cur.presenter}</div>}
      {cur.phase === 'presenting' && remaining !== null && (
        <div
          data-testid="screen-timer"
          style={{
            fontSize: 220,
            fontWeight: 800,
            fontVariantNumeric: 'tabular-nums',
            color: over ? '#ff4d4f' : remaining <= 30 ? GOLD : '#fff',
            marginTop: 40,
          }}
        >
          {clock(remaining)}
        </div>
      )}
      {(cur.phase === 'scoring' || cur.phase === 'closed') && (
        <div style={{ marginTop: 60 }}>
          <div style={{ fontSize: 44 }}>
            <Trans
              t={t}
              i18nKey="screen.submitted"
              values={{ submitted: cur.submitted, eligible: cur.eligible }}
              components={{ count: <b data-testid="screen-submitted" style={{ fontSize: 110, color: GOLD }} /> }}
            />
          </div>
          <div
            style={{
              height: 28,
              background: 'rgba(255,255,255,0.15)',
              borderRadius: 14,
              marginTop: 24,
              overflow: 'hidden',
            }}
          >
            <div
              style={{
                width: `${cur.eligible ? (100 * cur.submitted) / cur.eligible : 0}%`,
                height: '100%',
                background: GOLD,
                transition: 'width 400ms ease',
              }}
            />
          </div>
          {cur.phase === 'closed' && (
            <div style={{ fontSize: 40, marginTop: 32, color: GOLD }}>{t('screen.closed')}</div>
          )}
        </div>
      )}
      {cur.phase === 'revealed' && row && row.score === null && (
        <div style={{ fontSize: 48, marginTop: 40, color: GOLD }}>{t('screen.noScores')}</div>
      )}
      {cur.phase === 'revealed' && row && row.score !== null && (
        <div style={{ marginTop: 40 }}>
          <div style={{ fontSize: 40, opacity: 0.8 }}>{t('screen.finalScore')}</div>
          <div
            data-testid="screen-score"
            style={{
              fontSize: 200,
              fontWeight: 900,
              color: GOLD,
              lineHeight: 1.1,
              animation: 'leitai-pop 700ms ease-out',
            }}
          >
            {fmt(row.scoreShown)}
          </div>
          <div style={{ fontSize: 48 }}>{t('screen.provisionalRank', { rank: row.rank ?? '' })}</div>
          <style>
            {
              '@keyframes leitai-pop { from { transform: scale(0.4); opacity: 0 } to { transform: scale(1); opacity: 1 } }'
            }
          </style>
        </div>
      )}
    </div>
  );
}

const Big = ({ title, sub }: { title: string; sub: string }) => (
  <div style={{ paddingTop: 160 }}>
    <div style={{ fontSize: 96, fontWeight: 800 }}>{title}</div>
    <div style={{ fontSize: 40, opacity: 0.8, marginTop: 24 }}>{sub}</div>
  </div>
);

/**
 * Rows slide to their new place (CSS transition on `top`), with ▲/▼ for the move since the last reveal.
 * Live: one column, the top rows plus the contestant just revealed. Finished: every contestant in two columns.
 */
function Leaderboard({ live, columns }: { live: LiveSnapshot; columns: 1 | 2 }) {
  const { t } = useTranslation('arena');
  const ranked = live.contestants
    .filter((c) => c.score !== null)
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0) || a.id - b.id);
  const prev = useRef(new Map<number, number>());
  const [moves, setMoves] = useState(new Map<number, number>());
  const key = ranked.map((r) => `${r.id}:${r.rank}`).join(',');
  useEffect(() => {
    // Recomputed only when the ranking changes (key), not on every snapshot: the ids in rank order, read from the key.
    const ids = key === '' ? [] : key.split(',').map((s) => Number(s.split(':')[0]));
    const m = new Map<number, number>();
    ids.forEach((id, i) => {
      const before = prev.current.get(id);
      if (before !== undefined && before !== i) m.set(id, before - i);
    });
    setMoves(m);
    prev.current = new Map(ids.map((id, i) => [id, i]));
  }, [key]);
  const perColumn = columns === 2 ? Math.ceil(Math.max(ranked.length, 1) / 2) : 11;
  const row = columns === 2 ? Math.min(ROW, Math.floor(740 / perColumn)) : ROW;
  const cur = live.current?.contestantId;
  const shown = columns === 2 ? ranked : ranked.filter((r, i) => i < perColumn || r.id === cur).slice(0, perColumn + 1);
  const width = columns === 2 ? 880 : 812;
  return (
    <div>
      <div style={{ fontSize: 40, fontWeight: 800, color: GOLD, marginBottom: 16 }}>
        {live.status === 'finished' ? t('screen.finalRanking') : t('screen.liveRanking')}
      </div>
      <div
        data-testid="leaderboard"
        style={{ position: 'relative', height: Math.min(shown.length, perColumn + 1) * row }}
      >
        {shown.map((r, i) => {
          const move = moves.get(r.id) ?? 0;
          const col = columns === 2 ? Math.floor(i / perColumn) : 0;
          const top = (columns === 2 ? i % perColumn : i) * row;
          const podium = (r.rank ?? 99) <= 3;
          return (
            <div
              key={r.id}
              data-testid="leaderboard-row"
              style={{
                position: 'absolute',
                top,
                left: col * (width + 32),
                width,
                height: row - 8,
                display: 'flex',
                alignItems: 'center',
                fontSize: row >= 56 ? 30 : 26,
                background:
                  r.id === cur
                    ? 'rgba(255,214,102,0.32)'
                    : podium
                      ? 'rgba(255,214,102,0.18)'
                      : 'rgba(255,255,255,0.06)',
                borderLeft: `8px solid ${podium ? GOLD : RED}`,
                transition: 'top 800ms cubic-bezier(.2,.8,.2,1)',
                paddingRight: 20,
                boxSizing: 'border-box',
              }}
            >
              <span style={{ width: 80, textAlign: 'center', fontWeight: 800 }}>{r.rank}</span>
              <span style={{ flex: 1, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
                {r.unitName}
              </span>
              <span style={{ width: 64, color: move > 0 ? '#73d13d' : '#ff7875', fontSize: 24 }}>
                {move > 0 ? `▲${move}` : move < 0 ? `▼${-move}` : ''}
              </span>
              <span style={{ width: 130, textAlign: 'right', fontWeight: 700, fontVariantNumeric: 'tabular-nums' }}>
                {fmt(r.scoreShown)}
              </span>
            </div>
          );
        })}
        {ranked.length === 0 && <div style={{ fontSize: 32, opacity: 0.6 }}>{t('screen.emptyBoard')}</div>}
      </div>
      {columns === 1 && ranked.length > shown.length && (
        <div style={{ fontSize: 24, opacity: 0.6, marginTop: 8 }}>{t('screen.revealed', { count: ranked.length })}</div>
      )}
    </div>
  );
}
