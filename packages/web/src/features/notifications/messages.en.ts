import type { Messages } from '../../i18n';
import type { notificationsMessages } from './messages';

/** English (loaded only when chosen: the first page carries only 简体中文). */
export const notificationsMessagesEn: Messages<typeof notificationsMessages> = {
  title: 'Notifications',
  empty: 'No notifications',
  markAllRead: 'Mark all read',
  channels: 'How I am notified',
  channel: { wecom: 'WeCom', dingtalk: 'DingTalk', sms: 'SMS', email: 'Email' },
  receipt: { pending: 'waiting', sent: 'delivered', failed: 'failed' },
  digest: 'in a digest',
};
