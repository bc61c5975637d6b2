/** The notifications module's face: the bell's rows, and who is told. */
export { notify, officeRecipients, recipientsByUnit, unitRecipients, type NotificationInput } from './service.js';
export { noticeConsumer } from './notices.js';
