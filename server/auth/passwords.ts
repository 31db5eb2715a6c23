import argon2 from 'argon2';

/**
 * argon2id with OWASP's 2024 minimum (19 MiB, 2 passes). A fixed dummy hash is verified for unknown
 * emails so that an unknown user and a wrong password take the same time and get the same answer.
 */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

let dummyHash: Promise<string> | null = null;

/** Hashes a new password. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

/** Verifies a password against a stored hash; a missing hash is checked against a dummy and fails. */
export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (hash === null) {
    dummyHash ??= argon2.hash('not a real password, used to equalise timing', OPTIONS);
    await argon2.verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}
