import type { PrismaClient } from "@/lib/db/client.server";

/** Failures allowed before each further one locks sign-in for a while. */
export const FREE_FAILURES = 5;
/** The first lock-out; each further failure doubles it, up to MAX_LOCK_MS. */
export const FIRST_LOCK_MS = 30 * 1000;
export const MAX_LOCK_MS = 15 * 60 * 1000;
/** Failures older than this are forgotten, so a typo last week does not count today. */
export const FAILURE_MEMORY_MS = 60 * 60 * 1000;

/**
 * Guessing is throttled per account and per address at once: many passwords against one
 * account from many addresses, and many accounts from one address, both hit a limit.
 */
export function throttleKeys(email: string, address: string | null): string[] {
  const keys = [`account:${email.trim().toLowerCase()}`];
  if (address) keys.push(`address:${address}`);
  return keys;
}

export function lockDuration(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(FIRST_LOCK_MS * 2 ** (failures - FREE_FAILURES), MAX_LOCK_MS);
}

/** How long sign-in stays locked for any of these keys, in milliseconds (0 when it is not). */
export async function lockedFor(db: PrismaClient, keys: string[], now = new Date()): Promise<number> {
  const rows = await db.loginThrottle.findMany({ where: { key: { in: keys } }, select: { lockedUntil: true } });
  return Math.max(0, ...rows.map((row) => (row.lockedUntil ? row.lockedUntil.getTime() - now.getTime() : 0)));
}

export async function recordFailure(db: PrismaClient, keys: string[], now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    for (const key of keys) {
      // Lock the row (creating it at 0) before reading the count: on PostgreSQL, failures at the
      // same moment would otherwise all read the same count and lose increments, letting parallel
      // guesses slip under the limit. (SQLite runs one write transaction at a time.)
      const previous = await tx.loginThrottle.upsert({
        where: { key },
        create: { key, failures: 0, lastFailureAt: now },
        update: { failures: { increment: 0 } },
      });
      const stale = now.getTime() - previous.lastFailureAt.getTime() > FAILURE_MEMORY_MS;
      const failures = stale ? 1 : previous.failures + 1;
      const lock = lockDuration(failures);
      const data = { failures, lastFailureAt: now, lockedUntil: lock > 0 ? new Date(now.getTime() + lock) : null };
      await tx.loginThrottle.upsert({ where: { key }, create: { key, ...data }, update: data });
    }
  });
}

/** A correct password clears the account's count; the address keeps its own until it decays. */
export async function clearAccountFailures(db: PrismaClient, email: string): Promise<void> {
  const [accountKey] = throttleKeys(email, null);
  await db.loginThrottle.deleteMany({ where: { key: accountKey } });
}
