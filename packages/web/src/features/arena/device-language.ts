import { useLayoutEffect } from 'react';
import { useLanguage, type Language } from '../../i18n';
import { chosenLanguage, DEFAULT_LANGUAGE } from '../../i18n/language';

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
 * A layout effect, so the switch starts before the first paint (English arrives as a chunk of its own).
 */
export function useDeviceLanguage(): void {
  const [language, setLanguage] = useLanguage();
  useLayoutEffect(() => {
    // Once: switching stores the choice, so from then on this device has chosen.
    if (chosenLanguage() !== null) return;
    const wanted = browserLanguage();
    if (wanted !== language) setLanguage(wanted);
  }, [language, setLanguage]);
}
