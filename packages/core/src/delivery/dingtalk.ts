import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha256';
import { utf8ToBytes } from '@noble/hashes/utils';

/**
 * 钉钉 custom robot (自定义机器人) security: 加签 — HMAC-SHA256 with the secret as key over
 * "<timestamp>\n<secret>", Base64, URL-encoded into the webhook as `&timestamp=…&sign=…` (the timestamp
 * in milliseconds, accepted within an hour) — and 自定义关键词: a message must contain one of the keywords.
 */
export function dingTalkSign(timestamp: number, secret: string): string {
  return base64(hmac(sha256, utf8ToBytes(secret), utf8ToBytes(`${timestamp}\n${secret}`)));
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard Base64 with padding (core has no Buffer or btoa). */
export function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]!, bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    out += b === undefined ? '=' : B64[(n >> 6) & 63]!;
    out += c === undefined ? '=' : B64[n & 63]!;
  }
  return out;
}

/** The webhook with its signature appended (unchanged without a secret). */
export function dingTalkSignedUrl(webhook: string, timestamp: number, secret: string | null): string {
  if (!secret) return webhook;
  const sep = webhook.includes('?') ? '&' : '?';
  return `${webhook}${sep}timestamp=${timestamp}&sign=${encodeURIComponent(dingTalkSign(timestamp, secret))}`;
}

/** The text, with the first keyword in front when it holds none of them (the robot would refuse it). */
export function withKeyword(text: string, keywords: readonly string[]): string {
  const words = keywords.filter((k) => k.length > 0);
  if (words.length === 0 || words.some((k) => text.includes(k))) return text;
  return `【${words[0]}】${text}`;
}
