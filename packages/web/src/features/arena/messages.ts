import type { Catalogue, Messages } from '../../i18n';

/** The arena feature's words (namespace `arena`). Its pages still hold Chinese text; move it here key by key. */
const zh = {
  menu: { list: '擂台赛' },
} as const;

const en: Messages<typeof zh> = {
  menu: { list: 'Arena contests' },
};

export const arenaMessages: Catalogue<typeof zh> = { 'zh-CN': zh, en };
