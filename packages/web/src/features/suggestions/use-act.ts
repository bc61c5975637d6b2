import { useAct as useFeatureAct } from '../../lib/use-act';
import { suggestionsKey } from './api';

/** The suggestions dialogs' way to send a change (lib/use-act), refreshing the suggestions queries. */
export const useAct = () => useFeatureAct(suggestionsKey);
