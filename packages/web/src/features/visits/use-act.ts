import { useAct as useFeatureAct } from '../../lib/use-act';
import { visitsKey } from './api';

/** The visits dialogs' way to send a change (lib/use-act), refreshing the visits queries. */
export const useAct = () => useFeatureAct(visitsKey);
