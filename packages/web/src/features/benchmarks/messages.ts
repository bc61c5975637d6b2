/** The benchmarks feature's words (namespace `benchmarks`). */
const zh = {
  menu: { board: '对标' },
  title: '对标管理',
  subtitle: '近学远赶：本区与对标地区的差距，以及按当前速度追平所需的时间',
  import: '导入对标数据',
  imported: '已导入 {{count}} 个指标的对标数据',
  empty: '还没有对标数据',
  ours: '本区',
  lower: '越小越好',
  subject: '对象',
  value: '数值',
  asOf: '数据日期',
  source: '来源与口径',
  gap: '差距',
  share: '本区占比',
  months: '追平需',
  monthsValue: '{{count}} 个月',
  ahead: '已领先',
  never: '按当前速度无法追平',
  pace: '本区每月追近 {{gain}}',
} as const;

export const benchmarksMessages = zh;
