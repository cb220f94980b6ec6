import { AddPasskeyForm, RemovePasskeyForm, RenamePasskeyForm } from "@/components/admin/passkey-forms";
import { QrCode } from "@/components/admin/qr-code";
import { TurnOffForm, TurnOnForm } from "@/components/admin/second-factor-forms";
import { StatusMessage } from "@/components/admin/status-message";
import { passkeysOf } from "@/lib/auth/account-passkeys.server";
import { requireEditor } from "@/lib/auth/request.server";
import { secondFactorStatus, TOTP_ISSUER } from "@/lib/auth/second-factor.server";
import { groupSecret, otpauthUri } from "@/lib/auth/totp.server";
import { db } from "@/lib/db.server";

export const metadata = { title: "Your account" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** An editor's own account: their second factor, set up, confirmed and turned off here. */
export default async function AccountPage({ searchParams }: Props) {
  const editor = await requireEditor({ duringSetUp: true });
  const secondFactor = await secondFactorStatus(db, editor.id);
  const passkeys = await passkeysOf(db, editor.id);
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
            <p>
              An admin requires a second factor for your account, so it stays on. If you lose your phone, ask an admin
              to reset it.
            </p>
          ) : (
            <>
              <p className="mb-2">To turn it off, confirm it is you.</p>
              <TurnOffForm />
            </>
          )}
        </>
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
    </div>
  );
}
