import type { PrismaClient } from "@/lib/db/client.server";
import { deviceOf } from "./device";

/**
 * Every attempt to sign in to an editor's account, kept 90 days, for the editor (their account
 * page) and admins (an editor's page) to notice sign-ins that were not theirs.
 */

export const SIGN_IN_HISTORY_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The step an attempt reached: a passkey is its own, whether it follows a password or not. */
export type SignInStep = "password" | "second factor" | "recovery code" | "passkey";
/** `locked`: refused without checking anything, after too many failures. */
export type SignInOutcome = "success" | "failure" | "locked";

export type SignInRecord = {
  editorId: string;
  step: SignInStep;
  outcome: SignInOutcome;
  address: string | null;
  userAgent: string | null;
};

/** Writes one attempt, and forgets those older than 90 days on the way. */
export async function recordSignInAttempt(db: PrismaClient, attempt: SignInRecord, now = new Date()): Promise<void> {
  await db.signInAttempt.create({
    data: {
      editorId: attempt.editorId,
      at: now,
      step: attempt.step,
      outcome: attempt.outcome,
      address: attempt.address,
      device: deviceOf(attempt.userAgent),
    },
  });
  await db.signInAttempt.deleteMany({ where: { at: { lt: new Date(now.getTime() - SIGN_IN_HISTORY_DAYS * DAY_MS) } } });
}

export type SignInHistoryEntry = {
  id: string;
  at: Date;
  step: string;
  outcome: string;
  address: string | null;
  device: string | null;
};

/** The latest attempts of the last 90 days first, at most a hundred. */
export function signInHistoryOf(
  db: PrismaClient,
  editorId: string,
  { take = 100, now = new Date() } = {},
): Promise<SignInHistoryEntry[]> {
  return db.signInAttempt.findMany({
    where: { editorId, at: { gte: new Date(now.getTime() - SIGN_IN_HISTORY_DAYS * DAY_MS) } },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take,
    select: { id: true, at: true, step: true, outcome: true, address: true, device: true },
  });
}
