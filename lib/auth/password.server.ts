import { hash, verify } from "@node-rs/argon2";

/**
 * Editors' passwords are stored only as argon2id hashes with OWASP's minimum parameters
 * (19 MiB of memory, 2 passes, 1 lane). The parameters travel inside each hash, so raising
 * them later still verifies the old hashes.
 */
export const PASSWORD_HASH_OPTIONS = {
  // Algorithm.Argon2id: the package declares it as a const enum, which isolated modules cannot read.
  algorithm: 2,
  memoryCost: 19 * 1024,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_HASH_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash is a failed sign-in, not a crash of the sign-in page.
    return false;
  }
}

/**
 * Verifying against this hash when the email is unknown makes a wrong email take as long as
 * a wrong password, so timing does not reveal which accounts exist.
 */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword("decoy password that no account has");
  return decoyHash;
}
