import { useSyncExternalStore } from 'react';

// Below Ant Design's lg breakpoint (992px), where the side menu no longer fits beside the page.
const QUERY = '(max-width: 991.98px)';

const subscribe = (onChange: () => void) => {
  const media = window.matchMedia(QUERY);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
};

/** True on a phone or small tablet: the menu moves into a drawer, spacing tightens, fixed table columns let go. */
export function useNarrow(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(QUERY).matches);
}
