import { z } from "zod";
import { MAX_PASSWORD_LENGTH } from "./editor";
import { requiredText } from "./fields";

/** The name an editor gives a passkey, so they can tell their devices apart. */
export const passkeyName = requiredText(60, "The passkey's name", {
  missing: "Name this passkey, such as “Work laptop”.",
});

/** Renaming a passkey on the account page. */
export const renamePasskeySchema = z.object({ passkey: z.string().min(1).max(1_400), name: passkeyName });

/**
 * Removing a passkey takes the password, as turning the authenticator app off does: a session
 * left open on a shared computer is not enough to weaken the account.
 */
export const removePasskeySchema = z.object({
  passkey: z.string().min(1).max(1_400),
  password: z.string("Enter your password.").min(1, "Enter your password.").max(MAX_PASSWORD_LENGTH),
});

/**
 * Binary values in WebAuthn's JSON, as the browser encodes them. The bound is far above any real
 * authenticator's (an attestation with a certificate chain is a few kilobytes) and keeps a
 * megabyte of junk from reaching the parsers.
 */
const base64url = z
  .string()
  .max(16_384)
  .regex(/^[A-Za-z0-9_-]*$/, "not base64url");

/** A credential id: WebAuthn allows up to 1,023 bytes, 1,364 characters in base64url. */
const credentialId = base64url.min(1).max(1_400);

const common = {
  id: credentialId,
  rawId: credentialId,
  type: z.literal("public-key"),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
};

const TRANSPORTS = ["ble", "cable", "hybrid", "internal", "nfc", "smart-card", "usb"] as const;

/** What `startRegistration` in the browser hands back (RegistrationResponseJSON). */
export const registrationResponse = z.object({
  ...common,
  response: z.object({
    clientDataJSON: base64url.min(1),
    attestationObject: base64url.min(1),
    authenticatorData: base64url.optional(),
    // Unknown transports are dropped, not refused: browsers add new ones.
    transports: z
      .array(z.string().max(32))
      .max(16)
      .optional()
      .transform((list) => list?.filter((item) => (TRANSPORTS as readonly string[]).includes(item))),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: base64url.optional(),
  }),
});

/** What `startAuthentication` in the browser hands back (AuthenticationResponseJSON). */
export const authenticationResponse = z.object({
  ...common,
  response: z.object({
    clientDataJSON: base64url.min(1),
    authenticatorData: base64url.min(1),
    signature: base64url.min(1),
    userHandle: base64url.optional(),
  }),
});

export const PASSKEY_CEREMONIES = ["register", "sign-in", "second-factor"] as const;
export type PasskeyCeremony = (typeof PASSKEY_CEREMONIES)[number];

/**
 * What the browser's passkey component posts to /admin/passkeys: first for the options of a
 * ceremony, then with the authenticator's answer to them.
 */
export const passkeyRequest = z.union([
  z.object({ step: z.literal("options"), ceremony: z.enum(PASSKEY_CEREMONIES) }),
  z.object({
    step: z.literal("verify"),
    ceremony: z.literal("register"),
    name: passkeyName,
    response: registrationResponse,
  }),
  z.object({
    step: z.literal("verify"),
    ceremony: z.enum(["sign-in", "second-factor"]),
    response: authenticationResponse,
  }),
]);

export type PasskeyRequest = z.infer<typeof passkeyRequest>;
