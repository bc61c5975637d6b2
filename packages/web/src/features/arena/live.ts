import { useEffect, useRef, useState } from 'react';
import type { LiveSnapshot } from './types';

/**
 * Follows an arena's server-sent events. Keeps the newest snapshot (by version; equal versions carry
 * newer submission counts), reconnects on its own (EventSource), and reports whether the stream is up.
 */
export function useLiveArena(url: string | null): {
  live: LiveSnapshot | null;
  connected: boolean;
  clockOffset: number;
} {
  const [live, setLive] = useState<LiveSnapshot | null>(null);
  const [connected, setConnected] = useState(false);
  const offset = useRef(0);
  useEffect(() => {
    if (!url) return;
    const es = new EventSource(url);
    es.addEventListener('state', (e: MessageEvent<string>) => {
      const next = JSON.parse(e.data) as LiveSnapshot;
      offset.current = next.timer.serverNow - Date.now();
      setLive((prev) => (prev && prev.arenaId === next.arenaId && prev.version > next.version ? prev : next));
      setConnected(true);
    });
    es.onerror = () => setConnected(false);
    return () => es.close();
  }, [url]);
  return { live, connected, clockOffset: offset.current };
}

/** Remaining speaking seconds, ticking every 200 ms while the timer runs. */
export function useCountdown(live: LiveSnapshot | null, clockOffset: number): number | null {
  const [now, setNow] = useState(() => Date.now());
  const running = live?.timer.startedAt !== null && live?.timer.startedAt !== undefined;
  useEffect(() => {
    if (!running) return;
    const t = setInterval(() => setNow(Date.now()), 200);
    return () => clearInterval(t);
  }, [running]);
  if (!live || !live.current) return null;
  const { elapsedMs, startedAt } = live.timer;
  const ran = elapsedMs + (startedAt === null ? 0 : now + clockOffset - startedAt);
  return Math.ceil((live.speakingSeconds * 1000 - ran) / 1000);
}

export const clock = (seconds: number): string => {
  const s = Math.abs(seconds);
  return `${seconds < 0 ? '-' : ''}${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};
