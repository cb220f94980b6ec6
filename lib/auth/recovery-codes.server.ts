import { randomInt } from "node:crypto";
import type { PrismaClient } from "@/lib/db/client.server";
import { recordAccountChange, type Transaction } from "./account-history";
import { hashPassword, verifyPassword } from "./password.server";
import type { SignedInEditor } from "./sessions.server";

/**
 * Recovery codes: the way back to an account when the phone with the authenticator app is lost,
 * without waiting for an admin. Ten at a time, each good for one sign-in, shown once when made
 * and stored only as argon2id hashes, like passwords.
 */

export const RECOVERY_CODE_COUNT = 10;
/** No 0/o, 1/l/i: a code is often copied from paper. 31 letters, 10 of them: about 50 bits. */
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const CODE_LENGTH = 10;

/** A code as it is shown: two groups of five, easy to read out and copy. */
function newRecoveryCode(): string {
  let code = "";
  for (let index = 0; index < CODE_LENGTH; index += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** What a person typed, as it was made: case, spaces and the dash do not matter. */
export function normaliseRecoveryCode(typed: string): string {
  const clean = typed.toLowerCase().replace(/[\s-]/g, "");
  return clean.length === CODE_LENGTH ? `${clean.slice(0, 5)}-${clean.slice(5)}` : clean;
}

export type RecoveryCodesOutcome =
  { status: "done"; message: string; codes: string[] } | { status: "refused"; message: string };

/**
 * Makes ten new codes for an editor whose second factor is on, replacing any they had: the old
 * ones stop working. The codes are in the answer only; nothing can show them again.
 */
export async function renewRecoveryCodes(db: PrismaClient, editor: SignedInEditor): Promise<RecoveryCodesOutcome> {
  const stored = await db.editor.findUniqueOrThrow({ where: { id: editor.id }, select: { totpEnabledAt: true } });
  if (!stored.totpEnabledAt) {
    return { status: "refused", message: "Turn on your second factor first: recovery codes stand in for its codes." };
  }
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const hashes = await Promise.all(codes.map((code) => hashPassword(code)));
  await db.$transaction(async (tx) => {
    const { count } = await tx.recoveryCode.deleteMany({ where: { editorId: editor.id } });
    await tx.recoveryCode.createMany({ data: hashes.map((codeHash) => ({ editorId: editor.id, codeHash })) });
    await recordAccountChange(tx, editor.id, editor.id, {
      action: "update",
      before: { "Recovery codes": count > 0 ? "an earlier set" : "none" },
      after: { "Recovery codes": `${RECOVERY_CODE_COUNT} new ones` },
      reason: "Recovery codes made by their owner",
    });
  });
  return {
    status: "done",
    message: `Here are your ${RECOVERY_CODE_COUNT} recovery codes. Keep them somewhere safe, away from your phone: they are shown only this once, and each works once.`,
    codes,
  };
}

/**
 * Accepts an unused recovery code of the editor, once: marking it used checks in the same
 * statement that it was still unused, so two requests racing with one code cannot both pass.
 */
export async function acceptRecoveryCode(
  db: PrismaClient,
  editorId: string,
  typed: string,
  now = new Date(),
): Promise<boolean> {
  const code = normaliseRecoveryCode(typed);
  const unused = await db.recoveryCode.findMany({
    where: { editorId, usedAt: null },
    select: { id: true, codeHash: true },
  });
  for (const candidate of unused) {
    if (!(await verifyPassword(candidate.codeHash, code))) continue;
    const { count } = await db.recoveryCode.updateMany({
      where: { id: candidate.id, usedAt: null },
      data: { usedAt: now },
    });
    return count === 1;
  }
  return false;
}

export async function recoveryCodesLeft(db: PrismaClient, editorId: string): Promise<{ left: number; made: boolean }> {
  const [left, made] = await Promise.all([
    db.recoveryCode.count({ where: { editorId, usedAt: null } }),
    db.recoveryCode.count({ where: { editorId } }),
  ]);
  return { left, made: made > 0 };
}

/** With the second factor off or reset, its recovery codes go too. */
export async function deleteRecoveryCodes(tx: Transaction, editorId: string): Promise<void> {
  await tx.recoveryCode.deleteMany({ where: { editorId } });
}
