import { useLayoutEffect } from 'react';
import { useLanguage, type Language } from '../../i18n';
import { DEFAULT_LANGUAGE } from '../../i18n/language';

/**
 * Whether this device had chosen a language before the app started. i18n stores the language it starts
 * with, so afterwards the stored value no longer tells a choice from the default; this module is
 * evaluated before `initI18n` runs (main.tsx imports the router, hence every feature, before its body).
 * The key is i18n/language.ts's private one.
 */
let followBrowser = (() => {
  try {
    return localStorage.getItem('leitai.language') === null;
  } catch {
    return true; // storage blocked: nothing was chosen that we could see
  }
})();

/** The first of the browser's preferred languages that we speak, else the default. */
export function browserLanguage(preferred: readonly string[] = navigator.languages): Language {
  for (const tag of preferred) {
    if (/^zh(-|$)/i.test(tag)) return 'zh-CN';
    if (/^en(-|$)/i.test(tag)) return 'en';
  }
  return DEFAULT_LANGUAGE;
}

/**
 * Judges' phones speak the language chosen on the device before, else the browser's: a judge arrives by
 * QR code, with no login page to choose on. (The big screen keeps the app's rule: the stored choice, else 简体中文.)
 * A layout effect, so the first paint is already in the right language.
 */
export function useDeviceLanguage(): void {
  const [language, setLanguage] = useLanguage();
  useLayoutEffect(() => {
    if (!followBrowser) return;
    followBrowser = false; // once per page load; the choice is stored from now on
    const wanted = browserLanguage();
    if (wanted !== language) setLanguage(wanted);
  }, [language, setLanguage]);
}
