import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2 defaults to Argon2id (m=19 MiB, t=2, p=1), the OWASP minimum; the encoded hash carries its parameters.
export const hashPassword = (password: string): Promise<string> => hash(password);

export async function verifyPassword(encoded: string, password: string): Promise<boolean> {
  try {
    return await verify(encoded, password);
  } catch {
    return false;
  }
}

/** Compared against when the username does not exist, so timing does not reveal which accounts exist. */
let dummyHash: Promise<string> | null = null;
export const dummyPasswordHash = (): Promise<string> => (dummyHash ??= hash('leitai-no-such-user'));
