import { answerPasskeyRequest } from "@/lib/auth/passkeys.server";
import {
  clearPasskeyCeremonyCookie,
  clearSignInChallengeCookie,
  clientAddress,
  isSameOriginPost,
  passkeyCeremony,
  sessionToken,
  setPasskeyCeremonyCookie,
  setSessionCookie,
  signInChallenge,
  userAgent,
} from "@/lib/auth/request.server";
import { db } from "@/lib/db.server";

/**
 * The browser's passkey component talks JSON to this route (WebAuthn's options and answers are
 * JSON): registering a passkey, and signing in with one. lib/auth/passkeys.server.ts decides.
 */
export async function POST(request: Request): Promise<Response> {
  if (!(await isSameOriginPost()))
    return Response.json({ message: "Use passkeys from this site's own pages." }, { status: 403 });
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return Response.json({ message: "The passkey request was not understood: it is not JSON." }, { status: 400 });
  }
  const answer = await answerPasskeyRequest(db, body, {
    sessionToken: await sessionToken(),
    signInChallenge: await signInChallenge(),
    ceremonyToken: await passkeyCeremony(),
    address: await clientAddress(),
    userAgent: await userAgent(),
  });
  if (answer.ceremony) await setPasskeyCeremonyCookie(answer.ceremony.token, answer.ceremony.expiresAt);
  else if (answer.ceremony === null) await clearPasskeyCeremonyCookie();
  if (answer.endSignInChallenge) await clearSignInChallengeCookie();
  if (answer.session) await setSessionCookie(answer.session.token, answer.session.expiresAt);
  return Response.json(answer.body, { status: answer.status, headers: { "Cache-Control": "no-store" } });
}
