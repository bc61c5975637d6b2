import type { Messages } from '../../i18n';
import type { calendarMessages } from './messages';

/** English (loaded only when chosen: the first page carries only 简体中文). */
export const calendarMessagesEn: Messages<typeof calendarMessages> = {
  menu: { calendar: 'Working-day calendar' },
  title: 'Working-day calendar',
  subtitle:
    'Public holidays and weekend working days. Every “N working days” (supervision deadlines, back-planned schedules, report due dates) counts on it.',
  saved: 'Working-day calendar saved',
  weekendOnly: 'Only a Saturday or Sunday can be a weekend working day',
  markAs: 'Clicking a day marks it as',
  holiday: 'Holiday (off)',
  working: 'Weekend working day',
  hint: 'Click again to clear a mark. Enter each year from the State Council’s holiday notice.',
  year: '{{year}}',
  holidays: 'Holidays: {{count}} days',
  workingWeekends: 'Weekend working days: {{count}}',
  missingYear: 'No holidays entered for {{year}}',
  missingYearHint:
    'Until they are, only Saturdays and Sundays count as days off, so a deadline may fall on a public holiday.',
  unsaved: 'Unsaved changes',
  offTag: 'Off',
  workTag: 'Work',
};
