/**
 * 万企走访 / 包保: the words of the enterprise register, visits and 诉求, once. Keys are what the API and
 * the web catalogues use; the Chinese text is for Excel files and documents.
 */
export const ENTERPRISE_SCALES = ['above', 'near', 'small', 'individual'] as const;
export type EnterpriseScale = (typeof ENTERPRISE_SCALES)[number];
export const ENTERPRISE_SCALE_LABELS: Record<EnterpriseScale, string> = {
  above: '规上',
  near: '准规上',
  small: '中小微',
  individual: '个体工商户',
};

/** 包保 roles: a cadre (包保干部) or a leader (包保领导). */
export const ASSIGNMENT_ROLES = ['cadre', 'leader'] as const;
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number];
export const ASSIGNMENT_ROLE_LABELS: Record<AssignmentRole, string> = { cadre: '包保干部', leader: '包保领导' };

/** 送政策 / 送服务 / 送要素: what the visit brought. */
export const VISIT_FORMS = ['policy', 'service', 'factor'] as const;
export type VisitForm = (typeof VISIT_FORMS)[number];
export const VISIT_FORM_LABELS: Record<VisitForm, string> = { policy: '送政策', service: '送服务', factor: '送要素' };

/** 问需 / 问计 / 问效: what the visit asked. */
export const VISIT_PURPOSES = ['needs', 'advice', 'effect'] as const;
export type VisitPurpose = (typeof VISIT_PURPOSES)[number];
export const VISIT_PURPOSE_LABELS: Record<VisitPurpose, string> = { needs: '问需', advice: '问计', effect: '问效' };

/** 诉求 categories, as district 营商环境 offices sort them. */
export const REQUEST_CATEGORIES = [
  'finance',
  'land',
  'labour',
  'approval',
  'policy',
  'infrastructure',
  'market',
  'other',
] as const;
export type RequestCategory = (typeof REQUEST_CATEGORIES)[number];
export const REQUEST_CATEGORY_LABELS: Record<RequestCategory, string> = {
  finance: '融资信贷',
  land: '用地厂房',
  labour: '用工招聘',
  approval: '审批手续',
  policy: '政策兑现',
  infrastructure: '水电路气',
  market: '市场开拓',
  other: '其他',
};

/**
 * The closed loop of a 诉求: 登记 → 分派 → 办理 → 答复 → 评价 → 回访. A stage is not stored: it follows the
 * request's facts (dispatched, its ledger item's state, the enterprise's rating, the call-back).
 */
export const REQUEST_STAGES = ['registered', 'dispatched', 'handling', 'answered', 'rated', 'called_back'] as const;
export type RequestStage = (typeof REQUEST_STAGES)[number];
export const REQUEST_STAGE_LABELS: Record<RequestStage, string> = {
  registered: '登记',
  dispatched: '分派',
  handling: '办理',
  answered: '答复',
  rated: '评价',
  called_back: '回访',
};

export const REQUEST_RATINGS = ['satisfied', 'unsatisfied'] as const;
export type RequestRating = (typeof REQUEST_RATINGS)[number];
export const REQUEST_RATING_LABELS: Record<RequestRating, string> = { satisfied: '满意', unsatisfied: '不满意' };
