import { redirect } from "next/navigation";
import { PasskeySignInButton } from "@/components/admin/passkey-forms";
import { CodeSignInForm, RecoveryCodeSignInForm } from "@/components/admin/second-factor-forms";
import { currentEditor, signInChallenge } from "@/lib/auth/request.server";
import { openChallengeFactors } from "@/lib/auth/sign-in.server";
import { db } from "@/lib/db.server";

export const metadata = { title: "Sign in: code" };

/** The second step of signing in, reached only with the cookie a correct password leaves. */
export default async function SignInCodePage() {
  if (await currentEditor()) redirect("/admin");
  const factors = await openChallengeFactors(db, await signInChallenge());
  if (!factors) redirect("/admin/login?code-expired=1");
  return (
    <div>
      <h1 className="mb-4 font-serif text-3xl font-bold">Sign in</h1>
      {factors.code ? (
        <>
          <p className="mb-4 max-w-prose">
            Your password is right. Open the authenticator app on your phone and enter the 6-digit code it shows for
            Operation Venetic record.
          </p>
          <CodeSignInForm />
        </>
      ) : (
        <p className="mb-4 max-w-prose">Your password is right. Now use one of your passkeys.</p>
      )}
      {factors.passkey ? (
        <div className="mt-6">
          <PasskeySignInButton ceremony="second-factor" label="Use a passkey" />
        </div>
      ) : null}
      {/* Recovery codes are made with the authenticator app's set-up, for when the phone is lost. */}
      {factors.code ? (
        <>
          <h2 className="mt-8 mb-2 text-xl font-bold">Without your phone</h2>
          <p className="mb-4 max-w-prose">
            Enter one of the recovery codes you kept when you set up the second factor.
          </p>
          <RecoveryCodeSignInForm />
        </>
      ) : null}
    </div>
  );
}
