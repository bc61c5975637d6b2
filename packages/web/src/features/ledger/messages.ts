import type { Catalogue, Messages } from '../../i18n';

/** The ledger feature's words (namespace `ledger`). Its pages still hold Chinese text; move it here key by key. */
const zh = {
  menu: { list: '督查督办' },
} as const;

const en: Messages<typeof zh> = {
  menu: { list: 'Supervision ledger' },
};

export const ledgerMessages: Catalogue<typeof zh> = { 'zh-CN': zh, en };
