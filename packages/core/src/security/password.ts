import type { SecurityPolicy } from './policy.js';

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
  return problems;
}
