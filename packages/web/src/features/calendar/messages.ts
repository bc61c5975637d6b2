import type { Catalogue, Messages } from '../../i18n';

/** The calendar feature's words (namespace `calendar`). */
const zh = {
  menu: { calendar: '工作日历' },
} as const;

const en: Messages<typeof zh> = {
  menu: { calendar: 'Working-day calendar' },
};

export const calendarMessages: Catalogue<typeof zh> = { 'zh-CN': zh, en };
