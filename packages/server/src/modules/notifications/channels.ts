import { createHmac, randomUUID } from 'node:crypto';
import type { Transporter } from 'nodemailer';
import { dingTalkSignedUrl, withKeyword } from '@leitai/core';

/**
 * Channels that reach a person outside the app: group robots (企业微信, 钉钉), SMS and email. Each is
 * an adapter behind a small interface; the worker (delivery-worker.ts) decides when and what to send.
 * No adapter puts an address, a webhook or a secret into its errors: they are stored and logged.
 */

/** A failed send: `permanent` ones (a wrong key, a refused keyword) are not retried; `rateLimited` ones wait a minute. */
export class ChannelError extends Error {
  constructor(
    message: string,
    readonly permanent = false,
    readonly rateLimited = false,
  ) {
    super(message);
    this.name = 'ChannelError';
  }
}

export interface SmsMessage {
  /** An 11-digit mainland mobile number. */
  phone: string;
  text: string;
  /** A verification code (the rating page): providers send it with its own template, the code as a parameter. */
  code?: string;
}

export interface SmsChannel {
  /** False for the fake: a production server refuses to rely on it (the office cannot enable verification). */
  readonly delivers: boolean;
  send(message: SmsMessage): Promise<void>;
}

/** Keeps the last messages in memory, newest last; the demo's log and the browser tests read them. */
export class FakeSmsChannel implements SmsChannel {
  readonly delivers = false;
  private readonly sent: SmsMessage[] = [];
  constructor(private readonly onSend: (m: SmsMessage) => void = () => undefined) {}

  send(message: SmsMessage): Promise<void> {
    this.sent.push(message);
    if (this.sent.length > 200) this.sent.shift();
    this.onSend(message);
    return Promise.resolve();
  }

  /** The last message sent to the number, if any. */
  lastTo(phone: string): SmsMessage | undefined {
    return this.sent.findLast((m) => m.phone === phone);
  }
}

export interface AliyunSmsOptions {
  endpoint: string;
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  /** Template of verification codes (param `code`) and of notices (param `content`). */
  templateCode: string;
  templateNotice: string;
  now?: () => Date;
}

/** RFC 3986 encoding as 阿里云's signature wants it (space %20, * %2A, ~ kept, ! ' ( ) encoded). */
const pct = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** 阿里云 RPC signature v1: HMAC-SHA1 over "POST&%2F&" + the sorted, encoded parameters, key secret + "&". */
export function aliyunSignature(params: Record<string, string>, accessKeySecret: string): string {
  const canonical = Object.keys(params)
    .sort()
    .map((k) => `${pct(k)}=${pct(params[k]!)}`)
    .join('&');
  return createHmac('sha1', `${accessKeySecret}&`)
    .update(`POST&${pct('/')}&${pct(canonical)}`)
    .digest('base64');
}

/** 阿里云短信 (dysmsapi SendSms, API version 2017-05-25). */
export class AliyunSmsChannel implements SmsChannel {
  readonly delivers = true;
  constructor(
    private readonly o: AliyunSmsOptions,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async send(m: SmsMessage): Promise<void> {
    const code = m.code;
    const params: Record<string, string> = {
      AccessKeyId: this.o.accessKeyId,
      Action: 'SendSms',
      Format: 'JSON',
      PhoneNumbers: m.phone,
      RegionId: 'cn-hangzhou',
      SignName: this.o.signName,
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: randomUUID(),
      SignatureVersion: '1.0',
      TemplateCode: code ? this.o.templateCode : this.o.templateNotice,
      TemplateParam: JSON.stringify(code ? { code } : { content: m.text }),
      Timestamp: (this.o.now?.() ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      Version: '2017-05-25',
    };
    const body = new URLSearchParams({ ...params, Signature: aliyunSignature(params, this.o.accessKeySecret) });
    const res = await call(() =>
      this.fetchImpl(this.o.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      }),
    );
    const answer = (await res.json().catch(() => ({}))) as { Code?: string; Message?: string };
    if (answer.Code === 'OK') return;
    const codeText = `${answer.Code ?? `HTTP ${res.status}`}${answer.Message ? `: ${answer.Message.slice(0, 200)}` : ''}`;
    if (answer.Code === 'isv.BUSINESS_LIMIT_CONTROL' || answer.Code === 'Throttling.User')
      throw new ChannelError(`短信发送频率受限（${codeText}）`, false, true);
    const permanent = /^isv\./.test(answer.Code ?? '') || res.status === 400 || res.status === 403;
    throw new ChannelError(`短信发送失败（${codeText}）`, permanent);
  }
}

/** A robot as the sender needs it. */
export interface RobotTarget {
  kind: 'wecom' | 'dingtalk';
  webhook: string;
  secret: string | null;
  keywords: readonly string[];
}

/** Runs the request; a network failure becomes a retryable ChannelError without the address in it. */
async function call(send: () => Promise<Response>): Promise<Response> {
  try {
    return await send();
  } catch (err) {
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
    const code = (cause as { code?: unknown } | null)?.code;
    throw new ChannelError(
      `网络错误（${typeof code === 'string' ? code : err instanceof Error ? err.name : 'unknown'}）`,
    );
  }
}

/** 企业微信 codes: 45009 the 20-a-minute limit; 93000 an invalid webhook key; 40008/40058/44004 bad content. */
const WECOM_PERMANENT = new Set([93000, 93004, 40008, 40058, 44004, 40001]);
/** 钉钉 codes: 130101 too fast; 310000 keyword, signature or address refused; 300001 a bad token. */
const DINGTALK_PERMANENT = new Set([310000, 300001, 400101, 40035, 43004]);

/**
 * Posts markdown to a group robot: 企业微信 `{ msgtype: 'markdown', markdown: { content } }` to its
 * webhook; 钉钉 `{ msgtype: 'markdown', markdown: { title, text } }` to its webhook signed with the
 * timestamp (ms) and secret, the text carrying one of its keywords. Both answer `{ errcode: 0 }`.
 */
export async function sendToRobot(
  robot: RobotTarget,
  message: { title: string; markdown: string },
  now: number,
  fetchImpl: typeof fetch = fetch,
  timeoutMs = 10_000,
): Promise<void> {
  const dingtalk = robot.kind === 'dingtalk';
  const url = dingtalk ? dingTalkSignedUrl(robot.webhook, now, robot.secret) : robot.webhook;
  const payload = dingtalk
    ? {
        msgtype: 'markdown',
        markdown: {
          title: withKeyword(message.title, robot.keywords),
          text: withKeyword(message.markdown, robot.keywords),
        },
      }
    : { msgtype: 'markdown', markdown: { content: message.markdown } };
  const res = await call(() =>
    fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    }),
  );
  const answer = (await res.json().catch(() => null)) as { errcode?: number; errmsg?: string } | null;
  if (res.ok && answer?.errcode === 0) return;
  const errcode = answer?.errcode;
  const what = [
    res.ok ? null : `HTTP ${res.status}`,
    errcode === undefined ? null : `errcode ${errcode}${answer?.errmsg ? `: ${answer.errmsg.slice(0, 160)}` : ''}`,
  ]
    .filter(Boolean)
    .join(', ');
  if (errcode === 45009 || errcode === 130101 || res.status === 429)
    throw new ChannelError(`机器人发送过快（${what}）`, false, true);
  const permanent =
    errcode === undefined
      ? res.status >= 400 && res.status < 500
      : (dingtalk ? DINGTALK_PERMANENT : WECOM_PERMANENT).has(errcode);
  throw new ChannelError(`机器人拒绝了消息（${what}）`, permanent);
}

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface EmailChannel {
  send(message: EmailMessage): Promise<void>;
}

/** Email over SMTP with nodemailer (smtp:// or smtps:// URL, with STARTTLS where the server offers it). */
export class SmtpEmailChannel implements EmailChannel {
  // Loaded only where email is configured: nodemailer is 12 MB of a first start's memory.
  private readonly transport: Promise<Transporter>;
  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transport = import('nodemailer').then((m) => m.default.createTransport(url));
  }

  async send(m: EmailMessage): Promise<void> {
    try {
      await (await this.transport).sendMail({ from: this.from, to: m.to, subject: m.subject, text: m.text });
    } catch (err) {
      const e = err as { responseCode?: number; code?: string };
      const code = e.responseCode ?? e.code ?? 'unknown';
      // 5xx answers (no such mailbox, refused sender) will not change on a retry.
      const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500;
      throw new ChannelError(`邮件发送失败（${String(code)}）`, permanent);
    }
  }

  close(): void {
    void this.transport.then((t) => t.close());
  }
}
