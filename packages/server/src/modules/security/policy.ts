import { z } from 'zod';
import { DEFAULT_SECURITY_POLICY, securityPolicyProblem, type SecurityPolicy } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { AppError } from '../../errors.js';
import type { AuditActor } from '../audit/index.js';
import { readSetting, writeSetting } from '../settings/index.js';
import { isAddressRange } from './addresses.js';

export const ZSecurityPolicy = z.object({
  passwordMinLength: z.number().int().min(8, '密码最短不能少于 8 位').max(64),
  passwordMinClasses: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  passwordMayContainUsername: z.boolean(),
  passwordHistory: z
    .number()
    .int()
    .min(0)
    .max(24, '最多记住最近 24 个密码')
    .default(DEFAULT_SECURITY_POLICY.passwordHistory),
  challengeAfterFailures: z.number().int().min(1).max(20),
  lockAfterFailures: z.number().int().min(2).max(50),
  lockMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  sessionIdleMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60),
  sessionAbsoluteHours: z.number().int().min(1).max(72),
  sharedAddresses: z
    .array(z.string().trim().refine(isAddressRange, '共享地址须为 IP 地址或 CIDR 网段，如 10.20.0.0/16'))
    .max(100, '共享地址最多 100 个')
    .default([]),
  uploadQuotaMbPerDay: z
    .number()
    .int()
    .min(20, '每日上传限额不能少于 20 MB（一个文件最大 20 MB）')
    .max(100_000)
    .default(DEFAULT_SECURITY_POLICY.uploadQuotaMbPerDay),
  unclaimedFileDays: z
    .number()
    .int()
    .min(1, '未使用文件至少保留 1 天')
    .max(365)
    .default(DEFAULT_SECURITY_POLICY.unclaimedFileDays),
}) satisfies z.ZodType<SecurityPolicy>;

const KEY = 'security.policy';
const CACHE_MS = 5_000;
// Read on every request (session timeouts): a short per-process cache; other instances see a change within seconds.
let cached: { policy: SecurityPolicy; at: number; db: Db } | null = null;

export async function securityPolicy(db: Db): Promise<SecurityPolicy> {
  if (cached && cached.db === db && Date.now() - cached.at < CACHE_MS) return cached.policy;
  const stored = ZSecurityPolicy.partial().safeParse((await readSetting(db, KEY)) ?? {});
  const policy = { ...DEFAULT_SECURITY_POLICY, ...(stored.success ? stored.data : {}) };
  cached = { policy, at: Date.now(), db };
  return policy;
}

export async function updateSecurityPolicy(db: Db, actor: AuditActor, policy: SecurityPolicy): Promise<SecurityPolicy> {
  const problem = securityPolicyProblem(policy);
  if (problem) throw new AppError('RULE_VIOLATION', problem);
  await writeSetting(db, actor, KEY, policy, securityPolicy);
  cached = null;
  return policy;
}
