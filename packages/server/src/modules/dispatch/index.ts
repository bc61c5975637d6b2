/**
 * The dispatch module's face (一月一调度): what other modules, the app, jobs, demo and CLI may call.
 * Everything else in this folder is private to it.
 */
export { dispatchRoutes } from './routes.js';
export { dispatchReminderJob } from './reminders.js';
export { boardSummary, type LightCounts } from './board.js';
export { campaignNames } from './campaigns.js';
