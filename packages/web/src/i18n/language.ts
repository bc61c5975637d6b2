import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';

/** The languages the interface speaks, each named in itself (a reader who cannot read the other finds theirs). */
export const LANGUAGES = { 'zh-CN': '简体中文', en: 'English' } as const;
export type Language = keyof typeof LANGUAGES;
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

const STORAGE_KEY = 'leitai.language';

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && Object.hasOwn(LANGUAGES, value);

/** The language chosen on this device, or null when none was ever chosen. */
export function chosenLanguage(): Language | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null; // storage blocked (private mode): nothing we can see was chosen
  }
}

/** The language chosen on this device before, or 简体中文: the browser's own language is not consulted on purpose. */
export const storedLanguage = (): Language => chosenLanguage() ?? DEFAULT_LANGUAGE;

/** Keeps a choice for the next visit. Only a change is stored, so "never chosen" stays distinguishable from the default. */
export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // not persisted; the choice still holds for this page
  }
}

/** Everything outside React that follows the language: dayjs, and <html lang> for screen readers and fonts. */
export function applyLanguage(language: Language, title: string): void {
  dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = language;
  document.title = title;
}
