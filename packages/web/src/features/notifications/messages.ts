/** The notification bell's words (namespace `notifications`). Notices' titles and bodies come from the server, in Chinese. */
const zh = {
  title: '消息通知',
  empty: '暂无消息',
  markAllRead: '全部已读',
  channels: '通知方式',
  channel: { wecom: '企业微信', dingtalk: '钉钉', sms: '短信', email: '邮件' },
  receipt: { pending: '待发送', sent: '已送达', failed: '发送失败' },
  digest: '合并发送',
} as const;

export const notificationsMessages = zh;
