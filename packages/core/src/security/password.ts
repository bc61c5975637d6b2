import type { SecurityPolicy } from './policy.js';
import { COMMON_PASSWORD_BASES } from './common-passwords.js';

const CLASSES: readonly RegExp[] = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/];

/** Every way a password falls short of the policy, as messages for the person choosing it. */
export function passwordProblems(password: string, username: string, policy: SecurityPolicy): string[] {
  const problems: string[] = [];
  if ([...password].length < policy.passwordMinLength) problems.push(`密码至少 ${policy.passwordMinLength} 位`);
  const classes = CLASSES.filter((re) => re.test(password)).length;
  if (classes < policy.passwordMinClasses) {
    problems.push(`密码须包含大写字母、小写字母、数字、符号中的至少 ${policy.passwordMinClasses} 类`);
  }
  if (
    !policy.passwordMayContainUsername &&
    username.length > 0 &&
    password.toLowerCase().includes(username.toLowerCase())
  ) {
    problems.push('密码不能包含用户名');
  }
  if (isCommonPassword(password)) problems.push('密码过于常见，容易被猜中，请换一个');
  return problems;
}

const LOOK_ALIKES: Readonly<Record<string, string>> = {
  '@': 'a',
  '4': 'a',
  '0': 'o',
  '1': 'i',
  '!': 'i',
  '3': 'e',
  $: 's',
  '5': 's',
  '7': 't',
};

/**
 * Whether a password is a common one in disguise: lower-cased, with the digits and symbols people put at
 * either end removed, and look-alike characters read as letters, it is a known common base (or nothing is
 * left, as in `12345678`).
 */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  const core = lower.replace(/^[^a-z\p{L}]+|[^a-z\p{L}]+$/gu, '');
  if (core === '') return true;
  const read = [...core].map((c) => LOOK_ALIKES[c] ?? c).join('');
  const onlyLetters = (text: string) => text.replace(/[^a-z\p{L}]/gu, '');
  return [core, read, onlyLetters(core), onlyLetters(read)].some((c) => COMMON_PASSWORD_BASES.has(c));
}
