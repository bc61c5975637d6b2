import type { Catalogue, Messages } from '../../i18n';

/** The dispatch feature's words (namespace `dispatch`). Its pages still hold Chinese text; move it here key by key. */
const zh = {
  menu: { board: '调度看板', unit: '本单位调度', setup: '活动与指标' },
} as const;

const en: Messages<typeof zh> = {
  menu: { board: 'Dispatch board', unit: 'Unit dispatch', setup: 'Campaigns and indicators' },
};

export const dispatchMessages: Catalogue<typeof zh> = { 'zh-CN': zh, en };
