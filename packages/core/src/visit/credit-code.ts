/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from 31 (digits and capitals without I, O, Z, S, V);
 * the 18th is the check character, computed from the first 17 with weights 3^i mod 31.
 */
export const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** The check character for the first 17 characters, or null when they are not 17 valid characters. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = CREDIT_CODE_CHARS.indexOf(first17[i]!);
    if (value < 0) return null;
    sum += value * WEIGHTS[i]!;
  }
  return CREDIT_CODE_CHARS[(31 - (sum % 31)) % 31]!;
}

/** Why a code is not a valid credit code (Chinese, for forms and import rows), or null when it is. */
export function creditCodeProblem(code: string): string | null {
  if (code.length !== 18) return `统一社会信用代码须为 18 位，实际为 ${code.length} 位`;
  const bad = [...code].find((c) => !CREDIT_CODE_CHARS.includes(c));
  if (bad !== undefined) return `统一社会信用代码含非法字符“${bad}”（不使用 I、O、Z、S、V 及小写字母）`;
  const expected = creditCodeCheckChar(code.slice(0, 17));
  if (expected !== code[17]) return `统一社会信用代码校验位错误（应为 ${expected}）`;
  return null;
}

export const isCreditCode = (code: string): boolean => creditCodeProblem(code) === null;
