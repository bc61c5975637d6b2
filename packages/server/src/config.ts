import { hkdfSync } from 'node:crypto';
import { z } from 'zod';
import { checkTimeZone, DEFAULT_TIME_ZONE, setTimeZone } from './jobs/clock.js';

const bool = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  LEITAI_DATA_DIR: z.string().default('./data'),
  LEITAI_DEMO: bool.optional(),
  LEITAI_TEST_CLOCK: bool.optional(),
  LEITAI_MIGRATE: bool.optional(),
  LEITAI_SECRET: z.string().optional(),
  AUDIT_HASH: z.enum(['sha256', 'sm3']).default('sha256'),
  AUDIT_KEY: z.string().min(32, 'AUDIT_KEY must be at least 32 characters').optional(),
  AUDIT_CHECKPOINT_FILE: z.string().optional(),
  AUDIT_RETENTION_DAYS: z.coerce
    .number()
    .int()
    .min(184, 'AUDIT_RETENTION_DAYS must be at least 184 (six months)')
    .default(184),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LEITAI_FILES_DIR: z.string().optional(),
  TRUST_PROXY: z
    .string()
    .default('0')
    .transform((v, ctx) => parseTrustProxy(v, ctx)),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
  LEITAI_TIME_ZONE: z
    .string()
    .default(DEFAULT_TIME_ZONE)
    .refine((tz) => {
      try {
        checkTimeZone(tz);
        return true;
      } catch {
        return false;
      }
    }, 'LEITAI_TIME_ZONE must be an IANA time zone such as Asia/Shanghai'),
  LEITAI_PUBLIC_URL: z.string().url().optional(),
  SMTP_URL: z.string().url().optional(),
  SMTP_FROM: z.string().optional(),
  SMS_PROVIDER: z.enum(['fake', 'aliyun']).default('fake'),
  SMS_ENDPOINT: z.string().url().optional(),
  SMS_ACCESS_KEY_ID: z.string().optional(),
  SMS_ACCESS_KEY_SECRET: z.string().optional(),
  SMS_SIGN_NAME: z.string().optional(),
  SMS_TEMPLATE_CODE: z.string().optional(),
  SMS_TEMPLATE_NOTICE: z.string().optional(),
  DELIVERY_POLL_MS: z.coerce.number().int().min(200).default(5000),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** postgres://… for a server; undefined for the embedded PGlite database. */
  databaseUrl: string | undefined;
  dataDir: string;
  demo: boolean;
  /** Apply migrations at start; off when the application's database role does not own the tables. */
  migrate: boolean;
  secret: string;
  auditHash: 'sha256' | 'sm3';
  /** Keys the audit chain's HMAC; held outside the database so its owner cannot recompute the chain. */
  auditKey: Buffer;
  /** Signed checkpoints of the chain's end are appended here; null: none (tests, in-memory databases). */
  auditCheckpointFile: string | null;
  auditRetentionDays: number;
  logLevel: string;
  filesDir: string;
  /**
   * Which proxies' X-Forwarded-For to believe: false (none), a hop count (the balancers in front), or their
   * addresses/CIDR ranges. Never "everyone": a client could then invent its own address.
   */
  trustProxy: false | number | string[];
  /** Login attempts per address per minute. */
  loginRateLimit: number;
  /** The zone of the dates users read ("today", due dates, printed dates). */
  timeZone: string;
  /** LEITAI_TEST_CLOCK=1: browser tests may move "today" (PUT /api/test/clock). Never in production. */
  testClock: boolean;
  /** The address people open the app at, for links in outside messages (none: messages carry no link). */
  publicUrl: string | undefined;
  /** Outside channels (docs/notifications.md). Unset: nothing leaves the app but the bell. */
  delivery: DeliveryConfig;
}

export interface DeliveryConfig {
  /** smtp://user:password@host:port (smtps:// for TLS); unset: no email. */
  smtpUrl: string | undefined;
  smtpFrom: string | undefined;
  /** 'fake' keeps SMS in memory and the log (no network); 'aliyun' sends through 阿里云短信. */
  sms:
    | { provider: 'fake' }
    | {
        provider: 'aliyun';
        endpoint: string;
        accessKeyId: string;
        accessKeySecret: string;
        signName: string;
        templateCode: string;
        templateNotice: string;
      };
  /** How often the delivery worker looks for due messages without a wake-up. */
  pollMs: number;
}

const DEV_SECRET = 'leitai-development-secret-not-for-production';

/** Reads the environment; in production refuses a missing or weak secret. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  // The clock is process-wide: every entry point (server, CLI, seeders) reads its configuration here.
  setTimeZone(e.LEITAI_TIME_ZONE);
  const secret = e.LEITAI_SECRET ?? (e.NODE_ENV === 'production' ? '' : DEV_SECRET);
  if (e.NODE_ENV === 'production' && !isStrongSecret(secret)) {
    throw new Error(
      'LEITAI_SECRET must be set to a random string of at least 32 characters in production (e.g. `openssl rand -hex 32`).',
    );
  }
  if (e.NODE_ENV === 'production' && e.LEITAI_DEMO === true) {
    throw new Error('LEITAI_DEMO=1 is refused in production: the demo accounts share a published password.');
  }
  if (e.NODE_ENV === 'production' && e.LEITAI_TEST_CLOCK === true) {
    throw new Error('LEITAI_TEST_CLOCK=1 is refused in production: anyone could move the date appeals are judged by.');
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.LEITAI_DATA_DIR,
    // The demo's accounts share a published password: a production instance never loads it.
    demo: e.NODE_ENV === 'production' ? false : (e.LEITAI_DEMO ?? e.DATABASE_URL === undefined),
    migrate: e.LEITAI_MIGRATE ?? true,
    secret,
    auditHash: e.AUDIT_HASH,
    auditKey: e.AUDIT_KEY
      ? Buffer.from(e.AUDIT_KEY)
      : Buffer.from(hkdfSync('sha256', secret, 'leitai-audit', 'chain', 32)),
    auditCheckpointFile:
      e.AUDIT_CHECKPOINT_FILE ??
      (e.NODE_ENV === 'test' || e.LEITAI_DATA_DIR.startsWith('memory://')
        ? null
        : `${e.LEITAI_DATA_DIR}/audit-checkpoints.jsonl`),
    auditRetentionDays: e.AUDIT_RETENTION_DAYS,
    logLevel: e.LOG_LEVEL,
    filesDir: e.LEITAI_FILES_DIR ?? `${e.LEITAI_DATA_DIR}/files`,
    trustProxy: e.TRUST_PROXY,
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    timeZone: e.LEITAI_TIME_ZONE,
    testClock: e.NODE_ENV !== 'production' && e.LEITAI_TEST_CLOCK === true,
    publicUrl: e.LEITAI_PUBLIC_URL,
    delivery: {
      smtpUrl: e.SMTP_URL,
      smtpFrom: e.SMTP_FROM,
      sms: smsConfig(e),
      pollMs: e.DELIVERY_POLL_MS,
    },
  };
}

function smsConfig(e: z.infer<typeof ZEnv>): DeliveryConfig['sms'] {
  if (e.SMS_PROVIDER === 'fake') return { provider: 'fake' };
  const need = {
    SMS_ACCESS_KEY_ID: e.SMS_ACCESS_KEY_ID,
    SMS_ACCESS_KEY_SECRET: e.SMS_ACCESS_KEY_SECRET,
    SMS_SIGN_NAME: e.SMS_SIGN_NAME,
    SMS_TEMPLATE_CODE: e.SMS_TEMPLATE_CODE,
    SMS_TEMPLATE_NOTICE: e.SMS_TEMPLATE_NOTICE,
  };
  const missing = Object.entries(need)
    .filter(([, v]) => !v)
    .map(([k]) => k);
  if (missing.length > 0) throw new Error(`Invalid configuration:\n  SMS_PROVIDER=aliyun needs ${missing.join(', ')}`);
  return {
    provider: 'aliyun',
    endpoint: e.SMS_ENDPOINT ?? 'https://dysmsapi.aliyuncs.com/',
    accessKeyId: need.SMS_ACCESS_KEY_ID!,
    accessKeySecret: need.SMS_ACCESS_KEY_SECRET!,
    signName: need.SMS_SIGN_NAME!,
    templateCode: need.SMS_TEMPLATE_CODE!,
    templateNotice: need.SMS_TEMPLATE_NOTICE!,
  };
}

export function isStrongSecret(secret: string): boolean {
  return secret.length >= 32 && secret !== DEV_SECRET && new Set(secret).size >= 10;
}

/**
 * TRUST_PROXY: `0` (default) trusts no proxy; `1`…`9` is the number of balancers in front (the address they
 * saw is taken, whatever a client wrote further left); a comma list of addresses or CIDR ranges trusts those.
 */
function parseTrustProxy(value: string, ctx: z.RefinementCtx): false | number | string[] {
  const v = value.trim();
  if (v === '0' || v === 'false' || v === '') return false;
  if (v === 'true') {
    ctx.addIssue({ code: 'custom', message: "give a hop count (e.g. 1) or the balancers' addresses, not true" });
    return z.NEVER;
  }
  if (/^[1-9]$/.test(v)) return Number(v);
  const ranges = v.split(',').map((r) => r.trim());
  const range = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-f:]+)(\/\d{1,3})?$/i;
  if (ranges.some((r) => !range.test(r))) {
    ctx.addIssue({ code: 'custom', message: 'a hop count (1–9) or a comma list of addresses/CIDR ranges' });
    return z.NEVER;
  }
  return ranges;
}
