import type { Catalogue, Messages } from '../../i18n';

/** The calendar feature's words (namespace `calendar`). */
const zh = {
  menu: { calendar: '工作日历' },
  title: '工作日历',
  subtitle: '法定节假日与调休上班日。督办期限、倒排工期、报送截止等“N 个工作日”都按此计算。',
  saved: '工作日历已保存',
  weekendOnly: '调休上班日只能是周六或周日',
  markAs: '点击日期标记为',
  holiday: '节假日（休）',
  working: '调休上班（班）',
  hint: '再次点击取消标记。每年按国务院办公厅节假日安排通知录入。',
  year: '{{year}} 年',
  holidays: '节假日 {{count}} 天',
  workingWeekends: '调休上班 {{count}} 天',
  missingYear: '尚未录入 {{year}} 年节假日',
  missingYearHint: '未录入时只把周六、周日当作休息日，期限可能落在法定节假日。',
  unsaved: '有未保存的修改',
  // One character each: they sit in a calendar cell.
  offTag: '休',
  workTag: '班',
} as const;

const en: Messages<typeof zh> = {
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

export const calendarMessages: Catalogue<typeof zh> = { 'zh-CN': zh, en };
