import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { isIPv4 } from 'node:net';

/**
 * The ratings module's secrets, derived from the server secret (one secret to keep, several keys):
 * phones are encrypted (AES-256-GCM), addresses kept only as keyed hashes (HMAC-SHA256), so a copy of
 * the database alone reveals neither (PIPL).
 */
export interface RatingKeys {
  deviceSecret: string;
  phone: Buffer;
  address: Buffer;
}

const derive = (secret: string, info: string) => Buffer.from(hkdfSync('sha256', secret, 'leitai-ratings', info, 32));

export function ratingKeys(secret: string): RatingKeys {
  return {
    deviceSecret: derive(secret, 'device').toString('base64url'),
    phone: derive(secret, 'phone'),
    address: derive(secret, 'address'),
  };
}

export function encryptPhone(keys: RatingKeys, phone: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.phone, iv);
  const body = Buffer.concat([cipher.update(phone, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
}

export function decryptPhone(keys: RatingKeys, stored: string): string {
  const [iv, tag, body] = stored.split('.').map((p) => Buffer.from(p, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', keys.phone, iv!);
  decipher.setAuthTag(tag!);
  return Buffer.concat([decipher.update(body!), decipher.final()]).toString('utf8');
}

const hmac = (key: Buffer, text: string) => createHmac('sha256', key).update(text).digest('base64url').slice(0, 32);

/** The keyed hash of an address, and of its range (IPv4 /24, IPv6 /48): one Wi-Fi hall is one range. */
export function addressHashes(keys: RatingKeys, ip: string): { address: string; range: string } {
  const v4 = ip.startsWith('::ffff:') && isIPv4(ip.slice(7)) ? ip.slice(7) : ip;
  const range = isIPv4(v4) ? v4.split('.').slice(0, 3).join('.') : v4.split(':').slice(0, 3).join(':');
  return { address: hmac(keys.address, `a|${v4}`), range: hmac(keys.address, `r|${range}`) };
}

/** A phone as the verification codes know it: a keyed hash, never the number. */
export const phoneKey = (keys: RatingKeys, phone: string): string => hmac(keys.address, `p|${phone}`);
/** A code as stored: a keyed hash of the number's hash and the code. */
export const codeKey = (keys: RatingKeys, phoneHash: string, code: string): string =>
  hmac(keys.address, `c|${phoneHash}|${code}`);
