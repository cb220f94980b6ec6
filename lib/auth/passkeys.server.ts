import { randomBytes } from "node:crypto";
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { isoBase64URL } from "@simplewebauthn/server/helpers";
import type { PrismaClient } from "@/lib/db/client.server";
import { isLostRace } from "@/lib/db/errors";
import { siteUrl } from "@/lib/site.server";
import { passkeyRequest, type PasskeyCeremony } from "@/lib/validation/passkey";
import { recordAccountChange } from "./account-history";
import { TOTP_ISSUER } from "./second-factor.server";
import { createSession, endSession, findSignedInEditor, sessionIdOf } from "./sessions.server";
import { CHALLENGE_ENDED, completeWithSecondFactor, lockedMessage } from "./sign-in.server";
import { recordSignInAttempt } from "./sign-in-history.server";
import { lockedFor, recordFailure } from "./throttle";

/**
 * Passkeys (WebAuthn, through SimpleWebAuthn): registering one on the account page, and signing
 * in with one, either as the second factor after the password or alone. Each ceremony is two
 * requests from the browser's passkey component to /admin/passkeys: the options (with a
 * challenge the server keeps once, for a few minutes, bound to what asked for it), then the
 * authenticator's answer, checked here. See docs/decisions/0009.
 */

/** How long the browser has between asking for a ceremony's options and answering them. */
export const PASSKEY_CHALLENGE_LIFETIME_MS = 5 * 60 * 1000;

export type RelyingParty = { id: string; origin: string; name: string };

/**
 * Who passkeys are made for: the site's configured public address, never the request's Host
 * header, which whoever sends the request chooses. A passkey made for one address does not work
 * at another, so changing SITE_URL's host makes every passkey useless (the password still works).
 */
export function relyingParty(address = siteUrl()): RelyingParty {
  const url = new URL(address);
  return { id: url.hostname, origin: url.origin, name: TOTP_ISSUER };
}

export const PASSKEY_CEREMONY_ENDED =
  "This passkey request has expired or was already used. Nothing was changed: try again.";
export const PASSKEY_NOT_RECOGNISED = "That passkey is not registered for an active editor's account here.";
export const PASSKEY_ALREADY_REGISTERED = "That passkey is already registered.";
const PASSKEY_NOT_ADDED_BUSY = "The passkey was not added: your account was changing at the same moment. Try again.";
const SIGNED_OUT = "You are not signed in, or your session has ended. Sign in again, then add the passkey.";

/** What the browser sent, and the cookies that say who is asking. */
export type PasskeyContext = {
  sessionToken: string | undefined;
  /** The half-done sign-in's cookie (a correct password, second factor still to come). */
  signInChallenge: string | undefined;
  /** This ceremony's cookie, set with its options. */
  ceremonyToken: string | undefined;
  address: string | null;
  userAgent: string | null;
  relyingParty?: RelyingParty;
  now?: Date;
};

/**
 * The answer, for the route to send: a status and JSON body, and the cookies to change. Every
 * refusal is a 4xx with a sentence in `message`; nothing a browser sends makes a 500.
 */
export type PasskeyAnswer = {
  status: number;
  body: { message: string } | { options: unknown } | { message: string; signedIn: true };
  /** Set this ceremony's cookie; null clears it. */
  ceremony?: { token: string; expiresAt: Date } | null;
  /** A new session to set in the session cookie. */
  session?: { token: string; expiresAt: Date };
  /** The half-done sign-in is over (completed or ended): clear its cookie. */
  endSignInChallenge?: boolean;
};

const refusal = (status: number, message: string, extra: Partial<PasskeyAnswer> = {}): PasskeyAnswer => ({
  status,
  body: { message },
  ...extra,
});

export async function answerPasskeyRequest(
  db: PrismaClient,
  body: unknown,
  context: PasskeyContext,
): Promise<PasskeyAnswer> {
  const parsed = passkeyRequest.safeParse(body);
  if (!parsed.success) {
    return refusal(400, "The passkey request was not understood: send it from this site's own pages.");
  }
  const request = parsed.data;
  const now = context.now ?? new Date();
  const rp = context.relyingParty ?? relyingParty();
  if (request.step === "options") return ceremonyOptions(db, request.ceremony, context, rp, now);

  const claimed = await claimCeremony(db, context.ceremonyToken, request.ceremony, now);
  if (!claimed) return refusal(400, PASSKEY_CEREMONY_ENDED, { ceremony: null });
  const ceremony: Ceremony = { db, claimed, context, rp, now };
  const answer =
    request.ceremony === "register"
      ? await register(ceremony, request.name, request.response)
      : request.ceremony === "sign-in"
        ? await signInWithPasskey(ceremony, request.response)
        : await secondFactorWithPasskey(ceremony, request.response);
  return { ...answer, ceremony: null };
}

async function ceremonyOptions(
  db: PrismaClient,
  ceremony: PasskeyCeremony,
  context: PasskeyContext,
  rp: RelyingParty,
  now: Date,
): Promise<PasskeyAnswer> {
  if (ceremony === "register") {
    const editor = await findSignedInEditor(db, context.sessionToken, now);
    if (!editor) return refusal(401, SIGNED_OUT);
    const existing = await db.passkey.findMany({
      where: { editorId: editor.id },
      select: { id: true, transports: true },
    });
    const options = await generateRegistrationOptions({
      rpName: rp.name,
      rpID: rp.id,
      userName: editor.email,
      userDisplayName: editor.name,
      userID: userHandleBytes(editor.id),
      attestationType: "none",
      // The authenticator refuses to make a second passkey for this account on itself.
      excludeCredentials: existing.map((passkey) => ({ id: passkey.id, transports: transportsOf(passkey.transports) })),
      // Discoverable, so it can sign in without an email; verified (a PIN or a fingerprint), so
      // it is two factors on its own.
      authenticatorSelection: { residentKey: "required", userVerification: "required" },
    });
    return startCeremony(db, ceremony, options.challenge, editor.sessionId, options, now);
  }
  if (ceremony === "sign-in") {
    const options = await generateAuthenticationOptions({ rpID: rp.id, userVerification: "required" });
    return startCeremony(db, ceremony, options.challenge, null, options, now);
  }
  const challenge = context.signInChallenge ? sessionIdOf(context.signInChallenge) : null;
  const signIn = challenge
    ? await db.signInChallenge.findUnique({
        where: { id: challenge },
        select: {
          expiresAt: true,
          editor: { select: { disabledAt: true, passkeys: { select: { id: true, transports: true } } } },
        },
      })
    : null;
  if (!challenge || !signIn || signIn.expiresAt <= now || signIn.editor.disabledAt) {
    return refusal(401, CHALLENGE_ENDED, { endSignInChallenge: true });
  }
  if (signIn.editor.passkeys.length === 0) return refusal(409, "Your account has no passkey: enter the code instead.");
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    allowCredentials: signIn.editor.passkeys.map((passkey) => ({
      id: passkey.id,
      transports: transportsOf(passkey.transports),
    })),
    // After the password the passkey is the thing the editor has; a PIN on top is welcome, not needed.
    userVerification: "preferred",
  });
  return startCeremony(db, ceremony, options.challenge, challenge, options, now);
}

async function startCeremony(
  db: PrismaClient,
  purpose: PasskeyCeremony,
  challenge: string,
  boundTo: string | null,
  options: unknown,
  now: Date,
): Promise<PasskeyAnswer> {
  await db.passkeyChallenge.deleteMany({ where: { expiresAt: { lte: now } } });
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + PASSKEY_CHALLENGE_LIFETIME_MS);
  await db.passkeyChallenge.create({
    data: { id: sessionIdOf(token), purpose, challenge, boundTo, createdAt: now, expiresAt },
  });
  return { status: 200, body: { options }, ceremony: { token, expiresAt } };
}

type Claimed = { challenge: string; boundTo: string | null };

/** A ceremony's answer being checked: its claimed challenge, who asks, for which site, when. */
type Ceremony = { db: PrismaClient; claimed: Claimed; context: PasskeyContext; rp: RelyingParty; now: Date };

/**
 * Takes the ceremony's challenge out of the database before checking anything: whatever
 * happens next, it cannot be answered twice, however many requests race with it.
 */
async function claimCeremony(
  db: PrismaClient,
  token: string | undefined,
  purpose: PasskeyCeremony,
  now: Date,
): Promise<Claimed | null> {
  if (!token) return null;
  const id = sessionIdOf(token);
  const row = await db.passkeyChallenge.findUnique({ where: { id } });
  if (!row) return null;
  const { count } = await db.passkeyChallenge.deleteMany({ where: { id } });
  if (count === 0 || row.expiresAt <= now || row.purpose !== purpose) return null;
  return { challenge: row.challenge, boundTo: row.boundTo };
}

/**
 * Adds a passkey, or says it is there already: the credential's id is the key, so a second insert
 * of one fails, also when two answers carrying it arrive at once (two ceremonies, a client that
 * sent twice), where a check before the insert would let both through on PostgreSQL.
 */
async function addPasskeyOnce<T>(
  db: PrismaClient,
  add: () => Promise<T>,
  credentialId: string,
): Promise<T | "registered" | "busy"> {
  try {
    return await add();
  } catch (error) {
    if (!isLostRace(error)) throw error;
    const registered = await db.passkey.findUnique({ where: { id: credentialId }, select: { id: true } });
    return registered ? "registered" : "busy";
  }
}

async function register(
  { db, claimed, context, rp, now }: Ceremony,
  name: string,
  response: RegistrationResponseJSON,
): Promise<PasskeyAnswer> {
  const editor = await findSignedInEditor(db, context.sessionToken, now);
  if (!editor) return refusal(401, SIGNED_OUT);
  // Options fetched in one session cannot be answered in another.
  if (claimed.boundTo !== editor.sessionId) return refusal(400, PASSKEY_CEREMONY_ENDED);

  let verified: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    verified = await verifyRegistrationResponse({
      response,
      expectedChallenge: claimed.challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: true,
    });
  } catch (error) {
    return refusal(400, `The passkey was not added: ${reason(error)}`);
  }
  if (!verified.verified) return refusal(400, "The passkey was not added: its answer did not check out.");
  const { credential, credentialBackedUp } = verified.registrationInfo;

  const added = await addPasskeyOnce(
    db,
    () =>
      db.$transaction(async (tx) => {
        const stored = await tx.editor.findUniqueOrThrow({
          where: { id: editor.id },
          select: { totpEnabledAt: true, _count: { select: { passkeys: true } } },
        });
        const before = stored._count.passkeys;
        await tx.passkey.create({
          data: {
            id: credential.id,
            editorId: editor.id,
            publicKey: isoBase64URL.fromBuffer(credential.publicKey),
            counter: BigInt(credential.counter),
            transports: (credential.transports ?? []).join(","),
            backedUp: credentialBackedUp,
            name: name,
            createdAt: now,
          },
        });
        await recordAccountChange(tx, editor.id, editor.id, {
          action: "update",
          before: { Passkeys: String(before) },
          after: { Passkeys: String(before + 1) },
          reason: `Added the passkey “${name}”`,
        });
        const first = before === 0 && !stored.totpEnabledAt;
        // Like turning on the authenticator app: other sessions were opened with the password alone.
        if (first) await tx.session.deleteMany({ where: { editorId: editor.id, id: { not: editor.sessionId } } });
        return { first };
      }),
    credential.id,
  );
  if (added === "registered") return refusal(409, PASSKEY_ALREADY_REGISTERED);
  if (added === "busy") return refusal(409, PASSKEY_NOT_ADDED_BUSY);
  return {
    status: 201,
    body: {
      message: added.first
        ? `The passkey “${name}” is added. Signing in now asks for it after your password, or takes it alone.`
        : `The passkey “${name}” is added.`,
    },
  };
}

/**
 * Signing in with a passkey alone: the authenticator says whose it is (a discoverable
 * credential) and that it checked the editor's PIN or fingerprint. Failures count against the
 * address, as wrong passwords do; no account is named, so none is counted against.
 */
async function signInWithPasskey(ceremony: Ceremony, response: AuthenticationResponseJSON): Promise<PasskeyAnswer> {
  const { db, context, now } = ceremony;
  const keys = context.address ? [`address:${context.address}`] : [];
  const locked = await lockedFor(db, keys, now);
  if (locked > 0) return refusal(429, lockedMessage(locked));
  const refuse = async (message: string) => {
    await recordFailure(db, keys, now);
    const lockedNow = await lockedFor(db, keys, now);
    return refusal(401, lockedNow > 0 ? lockedMessage(lockedNow) : message);
  };

  const passkey = await db.passkey.findUnique({
    where: { id: response.id },
    include: { editor: { select: { id: true, disabledAt: true } } },
  });
  if (!passkey || passkey.editor.disabledAt) return refuse(PASSKEY_NOT_RECOGNISED);
  // The authenticator names the account it signed for (WebAuthn requires it when no account was
  // named beforehand); it must be the passkey's owner.
  if (response.response.userHandle !== isoBase64URL.fromBuffer(userHandleBytes(passkey.editorId))) {
    return refuse(PASSKEY_NOT_RECOGNISED);
  }
  const record = (outcome: "success" | "failure") =>
    recordSignInAttempt(
      db,
      { editorId: passkey.editorId, step: "passkey", outcome, address: context.address, userAgent: context.userAgent },
      now,
    );
  const checked = await checkAssertion(ceremony, passkey, response, true);
  if (checked !== true) {
    await record("failure");
    return refuse(checked);
  }
  await record("success");
  return signedIn(ceremony, await createSession(db, passkey.editorId, context, now));
}

/** The new session replaces any the browser had: a new token at every sign-in. */
async function signedIn(
  { db, context }: Ceremony,
  session: { token: string; expiresAt: Date },
): Promise<PasskeyAnswer> {
  await endSession(db, context.sessionToken);
  return { status: 200, body: { message: "Signed in.", signedIn: true }, session, endSignInChallenge: true };
}

/** The second step of a sign-in after a correct password, with one of the editor's passkeys. */
async function secondFactorWithPasskey(
  ceremony: Ceremony,
  response: AuthenticationResponseJSON,
): Promise<PasskeyAnswer> {
  const { db, claimed, context, now } = ceremony;
  // Options fetched for one half-done sign-in cannot complete another.
  const challenge = context.signInChallenge;
  if (!challenge || claimed.boundTo !== sessionIdOf(challenge)) return refusal(400, PASSKEY_CEREMONY_ENDED);
  const result = await completeWithSecondFactor(
    db,
    { challenge, step: "passkey", address: context.address, userAgent: context.userAgent },
    now,
    async (editorId) => {
      const passkey = await db.passkey.findUnique({ where: { id: response.id } });
      if (!passkey || passkey.editorId !== editorId) {
        return "That passkey is not one of this account's. Use one you added on your account page.";
      }
      return checkAssertion(ceremony, passkey, response, false);
    },
  );
  if (!result.ok) return refusal(result.restart ? 401 : 400, result.message, { endSignInChallenge: result.restart });
  return signedIn(ceremony, result);
}

type StoredPasskey = { id: string; publicKey: string; counter: bigint; transports: string };

/**
 * Checks an authenticator's signature over the ceremony's challenge with the stored public key,
 * and records the new counter and the time of use. True, or why not.
 */
async function checkAssertion(
  { db, claimed, rp, now }: Ceremony,
  passkey: StoredPasskey,
  response: AuthenticationResponseJSON,
  requireUserVerification: boolean,
): Promise<true | string> {
  let verified: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
  try {
    verified = await verifyAuthenticationResponse({
      response,
      expectedChallenge: claimed.challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: {
        id: passkey.id,
        publicKey: isoBase64URL.toBuffer(passkey.publicKey),
        counter: Number(passkey.counter),
        transports: transportsOf(passkey.transports),
      },
      requireUserVerification,
    });
  } catch (error) {
    return `That passkey did not check out: ${reason(error)}`;
  }
  if (!verified.verified) return "That passkey did not check out.";
  const { newCounter } = verified.authenticationInfo;
  // Only forwards: of two requests racing with the same signature, the counter is not rewound.
  await db.passkey.updateMany({
    where: { id: passkey.id, counter: { lte: BigInt(newCounter) } },
    data: { counter: BigInt(newCounter), lastUsedAt: now },
  });
  return true;
}

/** The WebAuthn user handle: the editor's id, which names no one outside this database. */
function userHandleBytes(editorId: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(editorId, "utf8"));
}

function transportsOf(stored: string): string[] {
  return stored ? stored.split(",") : [];
}

/** The library's reason for refusing an answer, as a sentence; its messages name what was wrong. */
function reason(error: unknown): string {
  const text = error instanceof Error ? error.message : "its answer could not be read.";
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
