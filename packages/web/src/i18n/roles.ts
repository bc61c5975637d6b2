import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '@leitai/core';

/**
 * Role names in the interface's language, from the catalogue (common:roles.*). Core's ROLE_LABELS stay
 * Chinese for the server's Excel files; the web app does not use them.
 */
export function useRoleNames() {
  const { t } = useTranslation();
  const name = useCallback((role: Role) => t(`roles.${role}`), [t]);
  const list = useCallback((roles: readonly Role[]) => roles.map(name).join(t('listSeparator')), [name, t]);
  return { name, list };
}
