import type { Catalogue, Messages } from '../../i18n';

/** The admin feature's words (namespace `admin`). */
const zh = {
  menu: { units: '单位管理', users: '用户管理', security: '安全策略', audit: '审计日志' },
} as const;

const en: Messages<typeof zh> = {
  menu: { units: 'Units', users: 'Users', security: 'Security policy', audit: 'Audit log' },
};

export const adminMessages: Catalogue<typeof zh> = { 'zh-CN': zh, en };
