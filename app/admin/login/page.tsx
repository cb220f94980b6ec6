import { redirect } from "next/navigation";
import { PasskeySignInButton } from "@/components/admin/passkey-forms";
import { SignInForm } from "@/components/admin/sign-in-form";
import { StatusMessage } from "@/components/admin/status-message";
import { currentEditor } from "@/lib/auth/request.server";
import { CHALLENGE_ENDED } from "@/lib/auth/sign-in.server";

export const metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (await currentEditor()) redirect("/admin");
  const query = await searchParams;
  const signedOut = query["signed-out"] !== undefined;
  const codeExpired = query["code-expired"] !== undefined;
  return (
    <div>
      <h1 className="mb-4 font-serif text-3xl font-bold">Sign in</h1>
      {signedOut ? <StatusMessage tone="success">You are signed out.</StatusMessage> : null}
      {codeExpired ? <StatusMessage tone="error">{CHALLENGE_ENDED}</StatusMessage> : null}
      <SignInForm />
      <h2 className="mt-8 mb-2 text-xl font-bold">Or with a passkey</h2>
      <PasskeySignInButton ceremony="sign-in" label="Sign in with a passkey" />
    </div>
  );
}
