"use server";

import { redirect } from "next/navigation";
import { db } from "@/lib/db.server";
import type { FieldErrors } from "@/lib/validation/fields";
import { checkedCompleteSignIn, checkedCompleteSignInWithRecoveryCode, checkedSignIn } from "./checked.server";
import { isForm, NOT_A_FORM_MESSAGE } from "./guard.server";
import {
  actionSessionToken,
  clearSessionCookie,
  clearSignInChallengeCookie,
  clientAddress,
  isSameOriginPost,
  sessionToken,
  setSessionCookie,
  setSignInChallengeCookie,
  signInChallenge,
  userAgent,
} from "./request.server";
import { endSession } from "./sessions.server";

/** Signing in and out: server actions, like the admin's (lib/admin/actions.ts). */

export type SignInState = { message: string | null; fieldErrors: FieldErrors; email: string };

const FOREIGN_POST_MESSAGE = "Sign in from this site's own sign-in page.";

export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  if (!isForm(form)) return { message: NOT_A_FORM_MESSAGE, fieldErrors: {}, email: "" };
  const email = String(form.get("email") ?? "").slice(0, 254);
  // A sign-in posted from elsewhere could sign a reader into someone else's account.
  if (!(await isSameOriginPost())) return { message: FOREIGN_POST_MESSAGE, fieldErrors: {}, email };
  const result = await checkedSignIn({ address: await clientAddress(), userAgent: await userAgent() })(db, form);
  if ("fieldErrors" in result) return { message: null, fieldErrors: result.fieldErrors, email };
  if (!result.ok && result.codeNeeded) {
    await setSignInChallengeCookie(result.codeNeeded.challenge, result.codeNeeded.expiresAt);
    redirect(CODE_PATH);
  }
  if (!result.ok) return { message: result.message, fieldErrors: {}, email };
  // Any session the browser had before is replaced, not reused: a new token at every sign-in.
  await endSession(db, await sessionToken());
  await setSessionCookie(result.token, result.expiresAt);
  redirect("/admin");
}

const CODE_PATH = "/admin/login/code";

/** `restart`: the half-done sign-in is over; the page offers to start again. */
export type CodeState = { message: string | null; fieldErrors: FieldErrors; restart: boolean };

/** The second step of signing in, for an editor whose second factor is on. */
export async function completeSignInAction(_previous: CodeState, form: FormData): Promise<CodeState> {
  return secondStep(checkedCompleteSignIn, form);
}

/** The second step with a recovery code in place of the app's code. */
export async function completeSignInWithRecoveryCodeAction(_previous: CodeState, form: FormData): Promise<CodeState> {
  return secondStep(checkedCompleteSignInWithRecoveryCode, form);
}

async function secondStep(
  check: typeof checkedCompleteSignIn | typeof checkedCompleteSignInWithRecoveryCode,
  form: FormData,
): Promise<CodeState> {
  if (!isForm(form)) return { message: NOT_A_FORM_MESSAGE, fieldErrors: {}, restart: false };
  if (!(await isSameOriginPost())) return { message: FOREIGN_POST_MESSAGE, fieldErrors: {}, restart: false };
  const result = await check({
    challenge: await signInChallenge(),
    address: await clientAddress(),
    userAgent: await userAgent(),
  })(db, form);
  if ("fieldErrors" in result) return { message: null, fieldErrors: result.fieldErrors, restart: false };
  if (!result.ok) {
    if (result.restart) await clearSignInChallengeCookie();
    return { message: result.message, fieldErrors: {}, restart: result.restart };
  }
  await clearSignInChallengeCookie();
  await endSession(db, await sessionToken());
  await setSessionCookie(result.token, result.expiresAt);
  redirect("/admin");
}

export async function signOutAction(): Promise<void> {
  await endSession(db, await actionSessionToken());
  await clearSessionCookie();
  redirect("/admin/login?signed-out=1");
}
