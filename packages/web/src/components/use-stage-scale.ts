import { useEffect, useState } from 'react';

/** The scale that fits a fixed stage (e.g. 1920×1080) into whatever window a hall's screen computer has. */
export function useStageScale(width: number, height: number): number {
  const get = () => Math.min(window.innerWidth / width, window.innerHeight / height);
  const [scale, setScale] = useState(get);
  useEffect(() => {
    const on = () => setScale(Math.min(window.innerWidth / width, window.innerHeight / height));
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, [width, height]);
  return scale;
}
