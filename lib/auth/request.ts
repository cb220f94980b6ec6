import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/lib/db.server";
import { isSameOrigin } from "./origin";
import { findSignedInEditor, SESSION_COOKIE, type SignedInEditor } from "./sessions";

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

/** The address a request came from, as Next's server reports it, for throttling sign-in. */
export async function clientAddress(): Promise<string | null> {
  const forwarded = (await headers()).get("x-forwarded-for");
  return forwarded?.split(",")[0]?.trim() || null;
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

export async function currentEditor(): Promise<SignedInEditor | null> {
  return findSignedInEditor(db, await sessionToken());
}

/**
 * For admin pages: the signed-in editor, or off to the sign-in page. Pages only; every action
 * checks the session again itself (lib/admin/guard.ts).
 */
export async function requireEditor(): Promise<SignedInEditor> {
  const editor = await currentEditor();
  if (!editor) redirect("/admin/login");
  return editor;
}
