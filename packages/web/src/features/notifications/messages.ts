/** The notification bell's words (namespace `notifications`). Notices' titles and bodies come from the server, in Chinese. */
const zh = {
  title: '消息通知',
  empty: '暂无消息',
  markAllRead: '全部已读',
} as const;

export const notificationsMessages = zh;
