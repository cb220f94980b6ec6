import { z } from "zod";
import { editorEmail, MAX_PASSWORD_LENGTH } from "./editor";

/** A code as an authenticator app shows it; people often type the space the app shows. */
export const authenticatorCode = z
  .string("Enter the 6-digit code from your authenticator app.")
  .transform((code) => code.replace(/\s/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app."));

/** The second step of signing in, and confirming a new authenticator app: one code. */
export const codeSchema = z.object({ code: authenticatorCode });

/**
 * Turning the second factor off: a current code or the password, in one field. A password
 * has at least 12 characters, so six digits can only be a code.
 */
export const turnOffSchema = z.object({
  proof: z
    .string("Enter a code from your authenticator app, or your password.")
    .min(1, "Enter a code from your authenticator app, or your password.")
    .max(MAX_PASSWORD_LENGTH, "That password is too long."),
});

/** An admin requiring a second factor of an editor, or no longer requiring it. */
export const requireSecondFactorSchema = z.object({
  email: editorEmail,
  required: z.enum(["yes", "no"], "Say whether a second factor is required."),
});

/** An admin clearing an editor's second factor, when they have lost their phone. */
export const resetSecondFactorSchema = z.object({ email: editorEmail });

export function isAuthenticatorCode(proof: string): boolean {
  return /^\d{6}$/.test(proof.replace(/\s/g, ""));
}

const RECOVERY_CODE_MESSAGE = "Enter one of your recovery codes: ten letters and digits, such as abcde-23456.";

/** The second step of signing in with a recovery code instead of the app's code. */
export const recoveryCodeSchema = z.object({
  recoveryCode: z
    .string(RECOVERY_CODE_MESSAGE)
    .transform((code) => code.replace(/[\s-]/g, "").toLowerCase())
    .pipe(z.string().regex(/^[a-z0-9]{10}$/, RECOVERY_CODE_MESSAGE)),
});

/** Making a new set of recovery codes: nothing to fill in. */
export const renewRecoveryCodesSchema = z.object({});

/** Ending one of the editor's own sessions, by its id (the SHA-256 of its token, never the token). */
export const endSessionSchema = z.object({
  session: z.string("Choose a session to end.").regex(/^[0-9a-f]{64}$/, "That is not a session of yours."),
});

/** "Sign out everywhere else": nothing to fill in. */
export const endOtherSessionsSchema = z.object({});

/** An admin ending every session of an editor. */
export const endEditorSessionsSchema = z.object({ email: editorEmail });
