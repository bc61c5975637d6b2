import { describe, expect, it } from 'vitest';
import { addressHashes, decryptPhone, encryptPhone, ratingKeys } from './keys.js';

describe('ratings keys', () => {
  const keys = ratingKeys('s'.repeat(40));
  it('encrypts a phone so that only the server secret opens it', () => {
    const stored = encryptPhone(keys, '13812341234');
    expect(stored).not.toContain('1381234');
    expect(encryptPhone(keys, '13812341234')).not.toBe(stored); // a fresh IV each time
    expect(decryptPhone(keys, stored)).toBe('13812341234');
    expect(() => decryptPhone(ratingKeys('t'.repeat(40)), stored)).toThrow();
  });
  it('hashes an address and its /24 range with a key', () => {
    const a = addressHashes(keys, '10.1.2.3');
    const b = addressHashes(keys, '::ffff:10.1.2.99');
    expect(a.range).toBe(b.range);
    expect(a.address).not.toBe(b.address);
    expect(addressHashes(ratingKeys('t'.repeat(40)), '10.1.2.3').address).not.toBe(a.address);
    expect(addressHashes(keys, '10.1.3.3').range).not.toBe(a.range);
  });
});
