/**
 * Domain errors: services throw these; one table maps each code to an HTTP status. Messages are
 * written for the person who will read them (Chinese, as the interface).
 */
const STATUS = {
  VALIDATION_FAILED: 400,
  WEAK_PASSWORD: 400,
  INVALID_CREDENTIALS: 401,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF_INVALID: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 409,
  ACCOUNT_LOCKED: 423,
  IMPORT_INVALID: 422,
  RULE_VIOLATION: 422,
  CHALLENGE_REQUIRED: 428,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
  get status(): number {
    return STATUS[this.code];
  }
}

export const notFound = (what = '记录') => new AppError('NOT_FOUND', `${what}不存在或无权访问`);
export const forbidden = (message = '没有权限执行此操作') => new AppError('FORBIDDEN', message);
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new AppError('CONFLICT', message, details);
export const invalidState = (message: string, details?: Record<string, unknown>) =>
  new AppError('INVALID_STATE', message, details);

/** An Excel import with problems: every bad cell by row and column, nothing written. */
export interface ImportProblem {
  row: number;
  column: string;
  message: string;
}
export const importInvalid = (errors: ImportProblem[]) =>
  new AppError('IMPORT_INVALID', `导入文件有 ${errors.length} 处错误，未写入任何数据，请修改后重新上传`, { errors });
