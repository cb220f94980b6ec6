import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/db/client.server";
import { MAX_PASSWORD_LENGTH } from "@/lib/validation/editor";
import { decoyPasswordHash, verifyPassword } from "./password.server";
import { acceptRecoveryCode } from "./recovery-codes.server";
import { acceptCode, WRONG_CODE_MESSAGE } from "./second-factor.server";
import { createSession, sessionIdOf } from "./sessions.server";
import { recordSignInAttempt, type SignInStep } from "./sign-in-history.server";
import { clearAccountFailures, lockedFor, recordFailure, throttleKeys } from "./throttle";

/** One message for an unknown email, a wrong password and a disabled account alike. */
export const SIGN_IN_REFUSED = "That email and password do not match an active editor's account.";

export function lockedMessage(milliseconds: number): string {
  const minutes = Math.ceil(milliseconds / 60_000);
  return `Too many failed attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

export type SignInAttempt = { email: string; password: string; address: string | null; userAgent: string | null };

export type SignInResult =
  | { ok: true; token: string; expiresAt: Date; editorId: string }
  /**
   * Not signed in. With `codeNeeded`, the password was right and the code from the editor's
   * authenticator app is still to come; a caller that ignores it signs nobody in.
   */
  | { ok: false; message: string; codeNeeded?: { challenge: string; expiresAt: Date } };

export const WRONG_RECOVERY_CODE_MESSAGE =
  "That is not one of your unused recovery codes. Each code works once; check for a typing mistake.";

export const CODE_NEEDED = "Enter the code from your authenticator app.";

/** How long the code step waits after a correct password. */
export const CHALLENGE_LIFETIME_MS = 5 * 60 * 1000;
/** Wrong codes against one correct password before the password has to be typed again. */
export const CHALLENGE_MAX_FAILURES = 5;

export const CHALLENGE_ENDED =
  "Your sign-in has timed out or had too many wrong codes. Enter your email and password again.";

/**
 * Checks an email and password and, when they match an active editor, opens a new session
 * (a new token at every sign-in, so a token planted before sign-in is worthless after it).
 */
export async function signIn(db: PrismaClient, attempt: SignInAttempt, now = new Date()): Promise<SignInResult> {
  const email = attempt.email.trim().toLowerCase();
  const keys = throttleKeys(email, attempt.address);
  const editor = email
    ? await db.editor.findUnique({
        where: { email },
        select: {
          id: true,
          passwordHash: true,
          disabledAt: true,
          totpEnabledAt: true,
          _count: { select: { passkeys: true } },
        },
      })
    : null;
  // Kept for the account's owner only; the person signing in hears the same whether it exists or not.
  const record = async (outcome: "success" | "failure" | "locked") => {
    if (editor)
      await recordSignInAttempt(
        db,
        { editorId: editor.id, step: "password", outcome, address: attempt.address, userAgent: attempt.userAgent },
        now,
      );
  };
  const locked = await lockedFor(db, keys, now);
  if (locked > 0) {
    await record("locked");
    return { ok: false, message: lockedMessage(locked) };
  }

  const password = attempt.password.slice(0, MAX_PASSWORD_LENGTH + 1);
  const matches = await verifyPassword(editor?.passwordHash ?? (await decoyPasswordHash()), password);
  if (!editor || !matches || editor.disabledAt) {
    await recordFailure(db, keys, now);
    await record("failure");
    const lockedNow = await lockedFor(db, keys, now);
    return { ok: false, message: lockedNow > 0 ? lockedMessage(lockedNow) : SIGN_IN_REFUSED };
  }

  // With a second factor the account's failures are cleared only once the code is right too,
  // or knowing the password would reset the count between guesses at the code.
  if (editor.totpEnabledAt || editor._count.passkeys > 0)
    return { ok: false, message: CODE_NEEDED, codeNeeded: await startChallenge(db, editor.id, now) };

  await clearAccountFailures(db, email);
  const session = await createSession(db, editor.id, attempt, now);
  await record("success");
  return { ok: true, editorId: editor.id, ...session };
}

/**
 * A half-done sign-in, held like a session: the browser keeps a random token, the database
 * only its SHA-256. No session exists until the code is right.
 */
async function startChallenge(
  db: PrismaClient,
  editorId: string,
  now: Date,
): Promise<{ challenge: string; expiresAt: Date }> {
  await db.signInChallenge.deleteMany({ where: { expiresAt: { lte: now } } });
  const challenge = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + CHALLENGE_LIFETIME_MS);
  await db.signInChallenge.create({ data: { id: sessionIdOf(challenge), editorId, createdAt: now, expiresAt } });
  return { challenge, expiresAt };
}

/**
 * What a half-done sign-in still waiting for its second factor may be completed with, for the
 * code page: a code (the authenticator app is on), a passkey (one is registered), or both; null
 * when it is over.
 */
export async function openChallengeFactors(
  db: PrismaClient,
  challenge: string | undefined | null,
  now = new Date(),
): Promise<{ code: boolean; passkey: boolean } | null> {
  if (!challenge) return null;
  const row = await db.signInChallenge.findUnique({
    where: { id: sessionIdOf(challenge) },
    select: { expiresAt: true, editor: { select: { totpEnabledAt: true, _count: { select: { passkeys: true } } } } },
  });
  if (!row || row.expiresAt <= now) return null;
  return { code: Boolean(row.editor.totpEnabledAt), passkey: row.editor._count.passkeys > 0 };
}

export type CodeAttempt = {
  challenge: string | undefined | null;
  /** A code from the authenticator app or, with `recovery`, one of the editor's recovery codes. */
  code: string;
  recovery?: boolean;
  address: string | null;
  userAgent: string | null;
};

/** `restart`: the half-done sign-in is over, and the password has to be entered again. */
export type CodeResult =
  { ok: true; token: string; expiresAt: Date; editorId: string } | { ok: false; message: string; restart: boolean };

/**
 * The second step: a current code from the editor's app opens the session. Wrong codes count
 * as failed sign-ins for the account and the address, like wrong passwords, and a few of them
 * end the half-done sign-in.
 */
export async function completeSignIn(db: PrismaClient, attempt: CodeAttempt, now = new Date()): Promise<CodeResult> {
  const { recovery, code } = attempt;
  return completeWithSecondFactor(
    db,
    { ...attempt, step: recovery ? "recovery code" : "second factor" },
    now,
    async (editorId) =>
      recovery
        ? (await acceptRecoveryCode(db, editorId, code, now)) || WRONG_RECOVERY_CODE_MESSAGE
        : (await acceptCode(db, editorId, code, now)) || WRONG_CODE_MESSAGE,
  );
}

/**
 * The second step with any second factor (a code, or a passkey: lib/auth/passkeys.server.ts):
 * `proves` checks it for the half-done sign-in's editor: true, or the message that says why not.
 * A wrong one counts as a failed sign-in for the account and the address, and a few of them end
 * the half-done sign-in.
 */
export async function completeWithSecondFactor(
  db: PrismaClient,
  attempt: Omit<CodeAttempt, "code" | "recovery"> & { step: SignInStep },
  now: Date,
  proves: (editorId: string) => Promise<true | string>,
): Promise<CodeResult> {
  const ended = { ok: false, message: CHALLENGE_ENDED, restart: true } as const;
  if (!attempt.challenge) return ended;
  const id = sessionIdOf(attempt.challenge);
  const challenge = await db.signInChallenge.findUnique({
    where: { id },
    select: { expiresAt: true, editor: { select: { id: true, email: true, disabledAt: true } } },
  });
  if (!challenge || challenge.expiresAt <= now || challenge.editor.disabledAt) {
    await db.signInChallenge.deleteMany({ where: { id } });
    return ended;
  }
  const { editor } = challenge;
  const keys = throttleKeys(editor.email, attempt.address);
  const locked = await lockedFor(db, keys, now);
  const { step } = attempt;
  const record = (outcome: "success" | "failure" | "locked") =>
    recordSignInAttempt(
      db,
      { editorId: editor.id, step, outcome, address: attempt.address, userAgent: attempt.userAgent },
      now,
    );
  if (locked > 0) {
    await record("locked");
    return { ok: false, message: lockedMessage(locked), restart: false };
  }

  const proof = await proves(editor.id);
  if (proof !== true) {
    await recordFailure(db, keys, now);
    await record("failure");
    const { failures } = await db.signInChallenge.update({ where: { id }, data: { failures: { increment: 1 } } });
    if (failures >= CHALLENGE_MAX_FAILURES) {
      await db.signInChallenge.deleteMany({ where: { id } });
      return ended;
    }
    const lockedNow = await lockedFor(db, keys, now);
    return { ok: false, message: lockedNow > 0 ? lockedMessage(lockedNow) : proof, restart: false };
  }

  // Deleted first: a challenge opens one session, however many requests race with it.
  const { count } = await db.signInChallenge.deleteMany({ where: { id } });
  if (count === 0) return ended;
  await clearAccountFailures(db, editor.email);
  const session = await createSession(db, editor.id, attempt, now);
  await record("success");
  return { ok: true, editorId: editor.id, ...session };
}
