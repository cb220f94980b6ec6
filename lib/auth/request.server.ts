import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/lib/db.server";
import { CLIENT_ADDRESS_HEADER, FRONT_DOOR_ENV } from "@/lib/http/front-door";
import { isSameOrigin } from "./origin";
import { findSignedInEditor, SESSION_COOKIE, type SignedInEditor } from "./sessions.server";

/** The session token from the request's cookie; what every admin action passes on. */
export async function sessionToken(): Promise<string | undefined> {
  return (await cookies()).get(SESSION_COOKIE)?.value;
}

/**
 * Whether a form post came from a page of this site. Next refuses a server action whose Origin
 * names another host but lets one with no Origin through (with a warning): refuse both here,
 * whatever proxy.ts did before.
 */
export async function isSameOriginPost(): Promise<boolean> {
  const list = await headers();
  return isSameOrigin(list.get("origin"), list.get("x-forwarded-host") ?? list.get("host"));
}

/**
 * The session token for an action: only from a form this site's own pages posted, so a
 * request forged elsewhere acts as if nobody were signed in, and changes nothing.
 */
export async function actionSessionToken(): Promise<string | undefined> {
  return (await isSameOriginPost()) ? sessionToken() : undefined;
}

/**
 * The address a request came from, for throttling sign-in: as the app's server decided it from
 * the socket and the trusted proxies (lib/http/app-server.server.ts), never as the client claims it;
 * none at all when the app is served some other way (only the per-account throttle then holds).
 */
export async function clientAddress(): Promise<string | null> {
  if (process.env[FRONT_DOOR_ENV] !== "1") return null;
  return (await headers()).get(CLIENT_ADDRESS_HEADER);
}

export async function userAgent(): Promise<string | null> {
  return (await headers()).get("user-agent");
}

/** Secure cookies only travel over https; a plain-http local run must still be able to sign in. */
async function overHttps(): Promise<boolean> {
  return (await headers()).get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

export async function setSessionCookie(token: string, expiresAt: Date): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: await overHttps(),
    path: "/",
    expires: expiresAt,
  });
}

export async function clearSessionCookie(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
}

/** Holds a half-done sign-in (right password, code still to come); it opens no admin page. */
export const SIGN_IN_CHALLENGE_COOKIE = "venetic_sign_in";

export async function signInChallenge(): Promise<string | undefined> {
  return (await cookies()).get(SIGN_IN_CHALLENGE_COOKIE)?.value;
}

export async function setSignInChallengeCookie(challenge: string, expiresAt: Date): Promise<void> {
  (await cookies()).set(SIGN_IN_CHALLENGE_COOKIE, challenge, {
    httpOnly: true,
    sameSite: "lax",
    secure: await overHttps(),
    path: "/admin",
    expires: expiresAt,
  });
}

export async function clearSignInChallengeCookie(): Promise<void> {
  (await cookies()).delete({ name: SIGN_IN_CHALLENGE_COOKIE, path: "/admin" });
}

/** Holds a passkey ceremony under way (its options given, the authenticator's answer to come). */
export const PASSKEY_CEREMONY_COOKIE = "venetic_passkey";

export async function passkeyCeremony(): Promise<string | undefined> {
  return (await cookies()).get(PASSKEY_CEREMONY_COOKIE)?.value;
}

export async function setPasskeyCeremonyCookie(token: string, expiresAt: Date): Promise<void> {
  (await cookies()).set(PASSKEY_CEREMONY_COOKIE, token, {
    httpOnly: true,
    sameSite: "strict",
    secure: await overHttps(),
    path: "/admin",
    expires: expiresAt,
  });
}

export async function clearPasskeyCeremonyCookie(): Promise<void> {
  (await cookies()).delete({ name: PASSKEY_CEREMONY_COOKIE, path: "/admin" });
}

export async function currentEditor(): Promise<SignedInEditor | null> {
  return findSignedInEditor(db, await sessionToken());
}

export const ACCOUNT_PATH = "/admin/account";

/**
 * For admin pages: the signed-in editor, or off to the sign-in page. Pages only; every action
 * checks the session again itself (lib/auth/guard.server.ts). An editor who must set up a second
 * factor is sent to their account page, the one page that allows it (`duringSetUp`).
 */
export async function requireEditor(options: { duringSetUp?: boolean } = {}): Promise<SignedInEditor> {
  const editor = await currentEditor();
  if (!editor) redirect("/admin/login");
  if (editor.mustSetUpSecondFactor && !options.duringSetUp) redirect(ACCOUNT_PATH);
  return editor;
}
