import { ROLE_LABELS } from '@leitai/core';

/** The shell's words: app, pages, shared components, roles. Features keep theirs in `features/<f>/messages.ts`. */
const zh = {
  app: {
    name: '擂台',
    subtitle: '绩效考核平台',
    title: '擂台 · 绩效考核平台',
    tagline: '晒成绩 · 比实绩 · 亮排名',
    opening: '正在打开…',
  },
  language: { label: '语言' },
  listSeparator: '、',
  problemSeparator: '；',
  actions: { save: '保存', cancel: '取消', retry: '重试', export: '导出' },
  feedback: { saved: '已保存', saveFailed: '保存失败', failed: '操作失败', total: '共 {{count}} 条' },
  errors: {
    offline: '无法连接服务器',
    requestFailed: '请求失败（{{status}}）',
    downloadFailed: '下载失败（{{status}}）',
    notFound: '页面不存在',
    backHome: '返回工作台',
  },
  menu: { home: '工作台', open: '打开菜单', groups: { business: '考核业务', admin: '系统管理' } },
  user: { changePassword: '修改密码', logout: '退出登录' },
  // The Chinese role names are core's, which the server's Excel files use too: one source.
  roles: ROLE_LABELS,
  login: {
    username: '用户名',
    usernameRequired: '请输入用户名',
    password: '密码',
    passwordRequired: '请输入密码',
    challenge: '验证题：{{question}}',
    challengeRequired: '请回答验证题',
    submit: '登录',
  },
  home: {
    greeting: '你好，{{name}}',
    unit: '单位',
    roles: '角色',
    account: '账号',
    todos: '待办',
    shortcuts: '常用功能',
    none: '暂无待办',
    all: '查看全部 {{count}} 项',
    overdue: '逾期 {{days}} 天',
    due: '{{date}} 截止',
    failed: '待办加载失败',
    severity: { urgent: '紧急', waiting: '待处理', info: '提醒' },
    // What each role usually does, shown when nothing waits (so an empty home still says what the job is).
    usual: {
      organiser: '审核各单位月度调度、核验销号与延期申请、跟踪逾期事项并催办',
      leader: '查看分管单位的红灯和逾期事项，对事项和报表作出批示',
      unit_head: '审定本单位月度调度并报送，确认目标，回复领导批示',
      reporter: '按月填报调度数据，办理督办事项并上传佐证',
      judge: '擂台赛当天在“我的评分”中为各单位打分',
      other: '从下方常用功能进入各项工作',
    },
  },
  password: {
    title: '修改密码',
    requiredTitle: '首次登录，请先修改密码',
    changed: '密码已修改',
    current: '当前密码',
    currentRequired: '请输入当前密码',
    next: '新密码',
    nextHint: '至少 8 位，包含大写字母、小写字母、数字、符号中的至少 3 类，不能包含用户名',
    nextRequired: '请输入新密码',
    confirm: '确认新密码',
    confirmRequired: '请再次输入新密码',
    mismatch: '两次输入的密码不一致',
  },
  excelImport: {
    success: '导入成功',
    step1: '第一步：',
    template: '下载模板',
    nextSteps:
      '第二步：按模板填写（第一行是表头，不要修改）。第三步：上传填好的文件。有任何一行不合格都不会写入，请按提示修改后重新上传。',
    busy: '正在校验并导入…',
    drop: '点击或拖入填好的 .xlsx 文件',
    row: '行',
    column: '列',
    problem: '问题',
  },
} as const;

export const commonMessages = zh;
