import type { PrismaClient } from "@/lib/db/client";
import { MAX_PASSWORD_LENGTH } from "@/lib/validation/editor";
import { decoyPasswordHash, verifyPassword } from "./password";
import { createSession } from "./sessions";
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
  | { ok: false; message: string };

/**
 * Checks an email and password and, when they match an active editor, opens a new session
 * (a new token at every sign-in, so a token planted before sign-in is worthless after it).
 */
export async function signIn(db: PrismaClient, attempt: SignInAttempt, now = new Date()): Promise<SignInResult> {
  const email = attempt.email.trim().toLowerCase();
  const keys = throttleKeys(email, attempt.address);
  const locked = await lockedFor(db, keys, now);
  if (locked > 0) return { ok: false, message: lockedMessage(locked) };

  const editor = email
    ? await db.editor.findUnique({ where: { email }, select: { id: true, passwordHash: true, disabledAt: true } })
    : null;
  const password = attempt.password.slice(0, MAX_PASSWORD_LENGTH + 1);
  const matches = await verifyPassword(editor?.passwordHash ?? (await decoyPasswordHash()), password);
  if (!editor || !matches || editor.disabledAt) {
    await recordFailure(db, keys, now);
    const lockedNow = await lockedFor(db, keys, now);
    return { ok: false, message: lockedNow > 0 ? lockedMessage(lockedNow) : SIGN_IN_REFUSED };
  }

  await clearAccountFailures(db, email);
  const session = await createSession(db, editor.id, attempt.userAgent, now);
  return { ok: true, editorId: editor.id, ...session };
}
