/**
 * The notifications module's face: the bell. Use cases never write notices: they emit domain events
 * (events/types.ts) and `noticeConsumer` turns them into the bell's rows, with every notice's words.
 */
export { newNotices, noticeConsumer } from './notices.js';
export { FakeSmsChannel, type SmsChannel, type SmsMessage } from './channels.js';
