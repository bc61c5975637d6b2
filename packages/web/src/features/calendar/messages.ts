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

export const calendarMessages = zh;
