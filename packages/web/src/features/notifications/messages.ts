import type { Catalogue, Messages } from '../../i18n';

/** The notification bell's words (namespace `notifications`). Notices' titles and bodies come from the server, in Chinese. */
const zh = {
  title: '消息通知',
  empty: '暂无消息',
  markAllRead: '全部已读',
} as const;

const en: Messages<typeof zh> = {
  title: 'Notifications',
  empty: 'No notifications',
  markAllRead: 'Mark all read',
};

export const notificationsMessages: Catalogue<typeof zh> = { 'zh-CN': zh, en };
