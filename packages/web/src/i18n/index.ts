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
export type { Messages } from './types';

/** Brings a language's catalogues (null: they are bundled, as 简体中文's are). */
export type LanguageLoader = (lng: string) => Promise<Record<string, unknown>> | null;
let loader: LanguageLoader = () => null;

/**
 * Starts i18next with 简体中文 bundled (no loading state, no flash of keys) and, when this device chose
 * another language before, that language's catalogues fetched first: call `render` when it resolves.
 * The catalogues come from `app/messages.ts`, the one list of namespaces, so this folder never imports a feature.
 */
export async function initI18n(
  resources: Resource,
  namespaces: readonly string[],
  load: LanguageLoader,
): Promise<void> {
  loader = load;
  void i18next.use(initReactI18next).init({
    resources,
    lng: DEFAULT_LANGUAGE,
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
  const stored = storedLanguage();
  if (stored === DEFAULT_LANGUAGE) follow(DEFAULT_LANGUAGE);
  else await switchLanguage(stored).catch(() => follow(DEFAULT_LANGUAGE)); // offline: 简体中文 still works
}

/** Loads a language's catalogues once, then switches to it. */
async function switchLanguage(next: Language): Promise<void> {
  if (!i18next.hasResourceBundle(next, 'common')) {
    const bundles = await loader(next);
    if (bundles) for (const [ns, messages] of Object.entries(bundles)) i18next.addResourceBundle(next, ns, messages);
  }
  await i18next.changeLanguage(next);
}

/** The current language and a way to change it; components using it re-render on a change. */
export function useLanguage(): [Language, (next: Language) => void] {
  const { i18n } = useTranslation();
  const set = useCallback((next: Language) => void switchLanguage(next), []);
  return [isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE, set];
}
