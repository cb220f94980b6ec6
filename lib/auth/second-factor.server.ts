import type { PrismaClient } from "@/lib/db/client.server";
import { editorEmail } from "@/lib/validation/editor";
import { isAuthenticatorCode } from "@/lib/validation/second-factor";
import { recordAccountChange } from "./account-history";
import { verifyPassword } from "./password.server";
import { endSessionsOf, type SignedInEditor } from "./sessions.server";
import { lockedFor, recordFailure, throttleKeys } from "./throttle";
import { deleteRecoveryCodes } from "./recovery-codes.server";
import {
  configuredSealingKeys,
  NO_SEALING_KEY_MESSAGE,
  seal,
  SealingError,
  totpSecretContext,
  unseal,
} from "./sealed-secrets.server";
import { generateTotpSecret, matchTotp } from "./totp.server";

/** The name authenticator apps show beside the code. */
export const TOTP_ISSUER = "Operation Venetic record";

export const WRONG_CODE_MESSAGE = "That code does not match. Enter the code your authenticator app shows now.";

export type SecondFactorOutcome =
  | { status: "done"; message: string }
  | { status: "refused"; message: string }
  | { status: "invalid"; message: string; fieldErrors: Record<string, string[]> };

/** What the account page shows. The secret only while it is being set up, to its owner. */
export type SecondFactorStatus =
  | { state: "on"; since: Date; required: boolean }
  | { state: "off"; required: boolean; secret: string }
  /** No sealing key is configured, so no secret can be kept. */
  | { state: "unavailable"; required: boolean; message: string };

/**
 * The editor's TOTP secret, opened with the configured keys; null when there is none, or it
 * cannot be opened (no key, or a key the start-up check would have refused: logged, and the
 * code is refused rather than the page failing).
 */
function openTotpSecret(editorId: string, sealed: string | null): string | null {
  const keys = configuredSealingKeys();
  if (!sealed || !keys) return null;
  try {
    return unseal(keys, sealed, totpSecretContext(editorId));
  } catch (error) {
    if (!(error instanceof SealingError)) throw error;
    console.error(`The second-factor secret of editor ${editorId} does not open: ${error.message}`);
    return null;
  }
}

const ON = { "Second factor": "on" };
const OFF = { "Second factor": "off" };

/**
 * The editor's second factor for the account page. While it is off, a secret is kept ready
 * (made on the first visit, the same on every visit after) so the QR code they scan is the one
 * the code they confirm with is checked against.
 */
export async function secondFactorStatus(db: PrismaClient, editorId: string): Promise<SecondFactorStatus> {
  const editor = await db.editor.findUniqueOrThrow({
    where: { id: editorId },
    select: { totpSecret: true, totpEnabledAt: true, totpRequired: true },
  });
  if (editor.totpEnabledAt) return { state: "on", since: editor.totpEnabledAt, required: editor.totpRequired };
  const keys = configuredSealingKeys();
  if (!keys) return { state: "unavailable", required: editor.totpRequired, message: NO_SEALING_KEY_MESSAGE };
  const secret = openTotpSecret(editorId, editor.totpSecret);
  if (secret) return { state: "off", required: editor.totpRequired, secret };
  // Only where none is waiting (or the one waiting no longer opens), so two pages rendering at
  // once agree on one secret.
  await db.editor.updateMany({
    where: { id: editorId, totpSecret: editor.totpSecret, totpEnabledAt: null },
    data: { totpSecret: seal(keys, generateTotpSecret(), totpSecretContext(editorId)) },
  });
  return secondFactorStatus(db, editorId);
}

/**
 * Accepts a current code of an editor whose second factor is on, once: the step it belongs to
 * is stored in the same statement that checks it is later than the last one accepted, so two
 * requests racing with the same code cannot both pass.
 */
export async function acceptCode(db: PrismaClient, editorId: string, code: string, now = new Date()): Promise<boolean> {
  const editor = await db.editor.findUnique({
    where: { id: editorId },
    select: { totpSecret: true, totpEnabledAt: true, totpLastStep: true },
  });
  const secret = editor?.totpEnabledAt ? openTotpSecret(editorId, editor.totpSecret) : null;
  if (!editor || !secret) return false;
  const step = matchTotp(secret, code, now, editor.totpLastStep);
  if (step === null) return false;
  const { count } = await db.editor.updateMany({
    where: {
      id: editorId,
      totpSecret: editor.totpSecret,
      OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }],
    },
    data: { totpLastStep: step },
  });
  return count === 1;
}

/**
 * Turns the second factor on once the editor proves their app makes the right codes. Their
 * other sessions end: they were opened with the password alone.
 */
export async function turnOnSecondFactor(
  db: PrismaClient,
  editor: SignedInEditor,
  code: string,
  now = new Date(),
): Promise<SecondFactorOutcome> {
  const stored = await db.editor.findUniqueOrThrow({
    where: { id: editor.id },
    select: { totpSecret: true, totpEnabledAt: true },
  });
  if (stored.totpEnabledAt) return { status: "refused", message: "Your second factor is already on." };
  const opened = openTotpSecret(editor.id, stored.totpSecret);
  if (!opened) {
    return {
      status: "refused",
      message: configuredSealingKeys()
        ? "Nothing was changed: reload this page and scan the code it shows."
        : NO_SEALING_KEY_MESSAGE,
    };
  }
  const step = matchTotp(opened, code, now, null);
  if (step === null) {
    return {
      status: "invalid",
      message: "Your second factor is still off.",
      fieldErrors: { code: [WRONG_CODE_MESSAGE] },
    };
  }
  const secret = stored.totpSecret;
  const turnedOn = await db.$transaction(async (tx) => {
    const { count } = await tx.editor.updateMany({
      where: { id: editor.id, totpSecret: secret, totpEnabledAt: null },
      data: { totpEnabledAt: now, totpLastStep: step },
    });
    if (count === 0) return false;
    await recordAccountChange(tx, editor.id, editor.id, {
      action: "update",
      before: OFF,
      after: ON,
      reason: "Turned on with an authenticator app",
    });
    await tx.session.deleteMany({ where: { editorId: editor.id, id: { not: editor.sessionId } } });
    return true;
  });
  if (!turnedOn) return { status: "refused", message: "Nothing was changed: reload this page and try again." };
  return {
    status: "done",
    message: "Your second factor is on. From now on, signing in asks for a code from your authenticator app.",
  };
}

/**
 * Turns the second factor off with a current code or the password: a session left open on a
 * shared computer is not enough. Wrong attempts count towards the sign-in lock-out, so this
 * form cannot be used to guess the password either.
 */
export async function turnOffSecondFactor(
  db: PrismaClient,
  editor: SignedInEditor,
  attempt: { proof: string; address: string | null },
  now = new Date(),
): Promise<SecondFactorOutcome> {
  const stored = await db.editor.findUniqueOrThrow({
    where: { id: editor.id },
    select: { passwordHash: true, totpEnabledAt: true, totpRequired: true },
  });
  if (!stored.totpEnabledAt) return { status: "refused", message: "Your second factor is already off." };
  if (stored.totpRequired) {
    return {
      status: "refused",
      message:
        "An admin requires a second factor for your account, so it stays on. If you have lost your phone, ask an admin to reset it.",
    };
  }
  const keys = throttleKeys(editor.email, attempt.address);
  const locked = await lockedFor(db, keys, now);
  if (locked > 0) {
    const minutes = Math.ceil(locked / 60_000);
    return {
      status: "refused",
      message: `Too many failed attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    };
  }
  const proven = isAuthenticatorCode(attempt.proof)
    ? await acceptCode(db, editor.id, attempt.proof, now)
    : await verifyPassword(stored.passwordHash, attempt.proof);
  if (!proven) {
    await recordFailure(db, keys, now);
    return {
      status: "invalid",
      message: "Your second factor is still on.",
      fieldErrors: { proof: ["That is neither a current code from your app nor your password."] },
    };
  }
  await db.$transaction(async (tx) => {
    await tx.editor.update({
      where: { id: editor.id },
      data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null },
    });
    await deleteRecoveryCodes(tx, editor.id);
    await recordAccountChange(tx, editor.id, editor.id, {
      action: "update",
      before: ON,
      after: OFF,
      reason: "Turned off by its owner",
    });
  });
  return { status: "done", message: "Your second factor is off. Signing in needs only your password." };
}

async function findEditor(db: PrismaClient, email: string) {
  const address = editorEmail.safeParse(email);
  if (!address.success) return null;
  return db.editor.findUnique({
    where: { email: address.data },
    select: {
      id: true,
      email: true,
      totpSecret: true,
      totpEnabledAt: true,
      totpRequired: true,
      _count: { select: { passkeys: true } },
    },
  });
}

/** An admin requires (or stops requiring) a second factor of an editor; it takes effect at once. */
export async function setSecondFactorRequired(
  db: PrismaClient,
  admin: SignedInEditor,
  input: { email: string; required: boolean },
): Promise<SecondFactorOutcome> {
  const editor = await findEditor(db, input.email);
  if (!editor) return { status: "refused", message: `No editor has the email ${input.email}.` };
  if (editor.totpRequired === input.required) {
    return {
      status: "done",
      message: `Nothing changed: ${editor.email} ${input.required ? "already needs" : "already does not need"} a second factor.`,
    };
  }
  const label = (required: boolean) => ({ "Second factor required": required ? "yes" : "no" });
  await db.$transaction(async (tx) => {
    await tx.editor.update({ where: { id: editor.id }, data: { totpRequired: input.required } });
    await recordAccountChange(tx, admin.id, editor.id, {
      action: "update",
      before: label(!input.required),
      after: label(input.required),
      reason: input.required ? "Required by an admin" : "No longer required by an admin",
    });
  });
  if (!input.required) return { status: "done", message: `${editor.email} no longer needs a second factor.` };
  return {
    status: "done",
    message:
      editor.totpEnabledAt || editor._count.passkeys > 0
        ? `${editor.email} needs a second factor, and has one on; they cannot turn it off.`
        : `${editor.email} needs a second factor: until they set one up, that is all they can do in the admin.`,
  };
}

/**
 * An admin clears an editor's second factor, for a lost or replaced phone. The editor's
 * sessions end and their half-done sign-ins are dropped; they sign in with the password alone,
 * and set up a new app (at once, if a second factor is required of them). `admin` is null for
 * `npm run editor -- reset-second-factor`, the way back for an admin with no other admin.
 */
export async function resetSecondFactor(
  db: PrismaClient,
  admin: SignedInEditor | null,
  email: string,
): Promise<SecondFactorOutcome> {
  const editor = await findEditor(db, email);
  if (!editor) return { status: "refused", message: `No editor has the email ${email}.` };
  if (admin && editor.id === admin.id) {
    return {
      status: "refused",
      message: "You cannot reset your own second factor; turn it off on your account page, or ask another admin.",
    };
  }
  const passkeys = editor._count.passkeys;
  if (!editor.totpEnabledAt && passkeys === 0) {
    return { status: "refused", message: `${editor.email} has no second factor to reset.` };
  }
  await db.$transaction(async (tx) => {
    await tx.editor.update({
      where: { id: editor.id },
      data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null },
    });
    // A lost phone is often the device that held the passkeys too.
    await tx.passkey.deleteMany({ where: { editorId: editor.id } });
    await deleteRecoveryCodes(tx, editor.id);
    await recordAccountChange(tx, admin?.id ?? null, editor.id, {
      action: "update",
      before: { ...(editor.totpEnabledAt ? ON : OFF), ...(passkeys > 0 ? { Passkeys: String(passkeys) } : {}) },
      after: { ...OFF, ...(passkeys > 0 ? { Passkeys: "0" } : {}) },
      reason: admin ? "Reset by an admin" : "Reset from the command line",
    });
    await tx.signInChallenge.deleteMany({ where: { editorId: editor.id } });
  });
  await endSessionsOf(db, editor.id);
  return {
    status: "done",
    message: `${editor.email}'s second factor is off${passkeys > 0 ? ", their passkeys removed," : ""} and their sessions have ended.${editor.totpRequired ? " They will set up a new one when they next sign in." : ""}`,
  };
}
