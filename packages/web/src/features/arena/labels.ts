import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { arenaMessages } from './messages';

type KnownCriterion = keyof (typeof arenaMessages)['criteria'];
const isKnown = (id: string): id is KnownCriterion => Object.hasOwn(arenaMessages.criteria, id);

/**
 * A criterion's name in the interface's language. Criterion ids are the scheme's data (Chinese); the
 * server's default ones have a translation, any other shows its id.
 */
export function useCriterionName(): (id: string) => string {
  const { t } = useTranslation('arena');
  return useCallback((id: string) => (isKnown(id) ? t(`criteria.${id}`) : id), [t]);
}
