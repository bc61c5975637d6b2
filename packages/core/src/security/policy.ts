/** The security policy the security admin sets (安全策略). Defaults follow the platform issue. */
export interface SecurityPolicy {
  passwordMinLength: number;
  /** How many of the four classes (lower, upper, digit, symbol) a password needs. */
  passwordMinClasses: 1 | 2 | 3 | 4;
  passwordMayContainUsername: boolean;
  /** How many of the account's latest passwords (the current one included) a change may not go back to; 0: any. */
  passwordHistory: number;
  /** Failures from one address after which that address must answer a challenge. */
  challengeAfterFailures: number;
  /** Failures from one address that lock the account from that address. */
  lockAfterFailures: number;
  lockMinutes: number;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /**
   * Addresses or CIDR ranges many people share (an office's NAT): failures from there slow the account
   * down instead of locking it, so a stranger behind the same address cannot lock a colleague out.
   */
  sharedAddresses: string[];
  /** What one account may upload (evidence, attachments) in 24 hours, in MB: uploads are stored in the database. */
  uploadQuotaMbPerDay: number;
  /** Days an upload may wait to be attached to a record before the nightly job deletes it. */
  unclaimedFileDays: number;
}

export const DEFAULT_SECURITY_POLICY: SecurityPolicy = {
  passwordMinLength: 8,
  passwordMinClasses: 3,
  passwordMayContainUsername: false,
  passwordHistory: 5,
  challengeAfterFailures: 3,
  lockAfterFailures: 5,
  lockMinutes: 15,
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
  sharedAddresses: [],
  uploadQuotaMbPerDay: 500,
  unclaimedFileDays: 7,
};

/** The problem with a policy, or null: the challenge must come before the lock, or it protects nothing. */
export function securityPolicyProblem(p: SecurityPolicy): string | null {
  if (p.challengeAfterFailures >= p.lockAfterFailures) return '验证码触发次数必须小于锁定次数';
  if (p.sessionIdleMinutes > p.sessionAbsoluteHours * 60) return '空闲超时不能长于会话最长时间';
  return null;
}
