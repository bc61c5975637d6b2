import { useCallback } from 'react';
import i18next, { type Resource } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import {
  applyLanguage,
  DEFAULT_LANGUAGE,
  isLanguage,
  rememberLanguage,
  storedLanguage,
  type Language,
} from './language';

export { LANGUAGES, type Language } from './language';
export type { Catalogue, Messages } from './types';

/**
 * Starts i18next with every catalogue bundled (they are small; no loading state, no flash of keys).
 * The catalogues come from `app/messages.ts`, the one list of namespaces, so this folder never imports a feature.
 */
export function initI18n(resources: Resource, namespaces: readonly string[]): void {
  void i18next.use(initReactI18next).init({
    resources,
    lng: storedLanguage(),
    fallbackLng: DEFAULT_LANGUAGE,
    ns: namespaces,
    defaultNS: 'common',
    interpolation: { escapeValue: false }, // React escapes what it renders
    initAsync: false, // resources are inline, so `t` works on the first render
  });
  const follow = (lng: string) =>
    applyLanguage(isLanguage(lng) ? lng : DEFAULT_LANGUAGE, i18next.t('common:app.title'));
  i18next.on('languageChanged', (lng) => {
    if (isLanguage(lng)) rememberLanguage(lng);
    follow(lng);
  });
  follow(i18next.language);
}

/** The current language and a way to change it; components using it re-render on a change. */
export function useLanguage(): [Language, (next: Language) => void] {
  const { i18n } = useTranslation();
  const set = useCallback((next: Language) => void i18n.changeLanguage(next), [i18n]);
  return [isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE, set];
}
