/**
 * The notifications module's face: the bell. Use cases never write notices: they emit domain events
 * (events/types.ts) and `noticeConsumer` turns them into the bell's rows, with every notice's words.
 */
export { newNotices, noticeConsumer } from './notices.js';
export {
  AliyunSmsChannel,
  ChannelError,
  FakeSmsChannel,
  SmtpEmailChannel,
  sendToRobot,
  type EmailChannel,
  type SmsChannel,
  type SmsMessage,
} from './channels.js';
export { DeliveryWorker, type DeliveryChannels } from './delivery-worker.js';
