import { SessionList, SignInHistory } from "@/components/admin/account-activity";
import { AddPasskeyForm, RemovePasskeyForm, RenamePasskeyForm } from "@/components/admin/passkey-forms";
import { QrCode } from "@/components/admin/qr-code";
import { RecoveryCodesForm, TurnOffForm, TurnOnForm } from "@/components/admin/second-factor-forms";
import { EndOtherSessionsForm } from "@/components/admin/session-forms";
import { StatusMessage } from "@/components/admin/status-message";
import { passkeysOf } from "@/lib/auth/account-passkeys.server";
import { RECOVERY_CODE_COUNT, recoveryCodesLeft } from "@/lib/auth/recovery-codes.server";
import { requireEditor } from "@/lib/auth/request.server";
import { secondFactorStatus, TOTP_ISSUER } from "@/lib/auth/second-factor.server";
import { openSessionsOf } from "@/lib/auth/sessions.server";
import { signInHistoryOf } from "@/lib/auth/sign-in-history.server";
import { groupSecret, otpauthUri } from "@/lib/auth/totp.server";
import { db } from "@/lib/db.server";

export const metadata = { title: "Your account" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/**
 * An editor's own account: their second factor (set up, confirmed, turned off) and its recovery
 * codes, where they are signed in, and who tried to sign in as them.
 */
export default async function AccountPage({ searchParams }: Props) {
  const editor = await requireEditor({ duringSetUp: true });
  const [secondFactor, passkeys, recovery, sessions, attempts] = await Promise.all([
    secondFactorStatus(db, editor.id),
    passkeysOf(db, editor.id),
    recoveryCodesLeft(db, editor.id),
    openSessionsOf(db, editor.id),
    signInHistoryOf(db, editor.id),
  ]);
  const query = await searchParams;
  const changed = query["second-factor"];
  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 font-serif text-3xl font-bold">Your account</h1>
      <p className="mb-6">
        {editor.name} ({editor.email}), {editor.role}
      </p>
      {changed === "on" && secondFactor.state === "on" ? (
        <StatusMessage tone="success">
          Your second factor is on. Signing in now asks for a code from your app.
        </StatusMessage>
      ) : null}
      {changed === "off" && secondFactor.state === "off" ? (
        <StatusMessage tone="success">Your second factor is off. Signing in needs only your password.</StatusMessage>
      ) : null}
      <h2 className="mb-2 text-xl font-bold">Second factor</h2>
      {secondFactor.state === "on" ? (
        <>
          <p className="mb-4">
            On since {when.format(secondFactor.since)} UTC: signing in asks for your password and a code from your
            authenticator app.
          </p>
          {secondFactor.required ? (
            <p className="mb-4">
              An admin requires a second factor for your account, so it stays on. If you lose your phone, sign in with a
              recovery code, or ask an admin to reset it.
            </p>
          ) : (
            <>
              <p className="mb-2">To turn it off, confirm it is you.</p>
              <TurnOffForm />
            </>
          )}
          <h3 className="mt-6 mb-2 text-lg font-bold">Recovery codes</h3>
          <p className="mb-2">
            {recovery.made
              ? `${recovery.left} of ${RECOVERY_CODE_COUNT} recovery codes unused. `
              : "You have no recovery codes yet. "}
            Without your phone, a recovery code signs you in in place of the app&rsquo;s code, once each. New codes
            replace the old ones.
          </p>
          <RecoveryCodesForm made={recovery.made} />
        </>
      ) : secondFactor.state === "unavailable" ? (
        <StatusMessage tone="error">{secondFactor.message}</StatusMessage>
      ) : (
        <>
          {secondFactor.required ? (
            <StatusMessage tone="error">
              An admin requires a second factor for your account. Set it up here to continue to the rest of the admin.
            </StatusMessage>
          ) : null}
          <p className="mb-4">
            Off: signing in needs only your password. With a second factor on, it also asks for a code from an
            authenticator app on your phone (any app for &ldquo;TOTP&rdquo; codes, such as FreeOTP, Aegis, Google or
            Microsoft Authenticator), so a stolen password is not enough.
          </p>
          <ol className="mb-4 list-decimal space-y-3 pl-6">
            <li>
              <p>In the app, add an account by scanning this code:</p>
              <div className="mt-2">
                <QrCode
                  text={otpauthUri({ issuer: TOTP_ISSUER, account: editor.email, secret: secondFactor.secret })}
                  label="QR code to scan with your authenticator app"
                />
              </div>
              <p className="mt-2">Or type this key into the app (the spaces do not matter):</p>
              <p>
                <code className="font-mono text-lg">{groupSecret(secondFactor.secret)}</code>
              </p>
            </li>
            <li>Enter the code the app then shows, to confirm it works.</li>
          </ol>
          <TurnOnForm />
        </>
      )}
      <h2 className="mt-8 mb-2 text-xl font-bold">Passkeys</h2>
      {query.passkey === "removed" ? <StatusMessage tone="success">The passkey is removed.</StatusMessage> : null}
      <p className="mb-4">
        A passkey is kept by this device, your phone or your password manager, and unlocked with your fingerprint, face
        or PIN. It works only on this site, so it cannot be phished. Once you add one, signing in takes it after your
        password (instead of a code), or on its own with &ldquo;Sign in with a passkey&rdquo;.
      </p>
      {passkeys.length > 0 ? (
        <ul className="mb-6 space-y-4">
          {passkeys.map((passkey) => (
            <li key={passkey.id} className="rounded border border-current/20 p-3">
              <h3 className="font-semibold">{passkey.name}</h3>
              <p className="mb-2 text-sm">
                Added {when.format(passkey.createdAt)} UTC;{" "}
                {passkey.lastUsedAt ? `last used ${when.format(passkey.lastUsedAt)} UTC` : "not used yet"};{" "}
                {passkey.synced ? "synced between your devices" : "kept on one device"}.
              </p>
              <RenamePasskeyForm passkey={passkey.id} name={passkey.name} />
              <RemovePasskeyForm passkey={passkey.id} name={passkey.name} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="mb-4">You have no passkeys.</p>
      )}
      <AddPasskeyForm />
      <h2 className="mt-8 mb-2 text-xl font-bold">Where you are signed in</h2>
      <SessionList sessions={sessions} current={editor.sessionId} endable />
      {query["signed-out"] === "elsewhere" ? (
        <StatusMessage tone="success">Signed out everywhere else: your other sessions have ended.</StatusMessage>
      ) : null}
      {/* Only with somewhere else to sign out of: "Sign out" alone stays the one button of that name. */}
      {sessions.length > 1 ? <EndOtherSessionsForm /> : null}
      <h2 className="mt-8 mb-2 text-xl font-bold">Sign-in history</h2>
      <p className="mb-2">
        Every attempt to sign in to your account in the last 90 days. An attempt you do not recognise? Change your
        password and sign out everywhere else.
      </p>
      <SignInHistory attempts={attempts} />
    </div>
  );
}
