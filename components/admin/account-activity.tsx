import type { OpenSession } from "@/lib/auth/sessions.server";
import type { SignInHistoryEntry } from "@/lib/auth/sign-in-history.server";
import { EndSessionButton, EndSessionForm } from "./session-forms";

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const UNKNOWN_ADDRESS = "address not known";

/**
 * An editor's open sessions. `current` marks this device; `endable` (on their own account page)
 * offers to end each of the others.
 */
export function SessionList({
  sessions,
  current,
  endable,
}: {
  sessions: OpenSession[];
  current?: string;
  endable: boolean;
}) {
  if (sessions.length === 0) return <p>No open sessions.</p>;
  const list = (
    <ul aria-label="Open sessions" className="mb-4 divide-y divide-black/10 dark:divide-white/15">
      {sessions.map((session) => {
        const here = session.id === current;
        const device = session.device ?? "Unknown device";
        const address = session.address ?? UNKNOWN_ADDRESS;
        return (
          <li key={session.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <div>
              <p>
                <span className="font-semibold">{device}</span>, {address}
                {here ? <span className="ml-2 rounded bg-accent px-1 text-sm text-white">this device</span> : null}
              </p>
              <p className="text-sm">
                Signed in {when.format(session.createdAt)} UTC, last seen {when.format(session.lastActiveAt)} UTC
              </p>
            </div>
            {endable && !here ? (
              <EndSessionButton
                session={session.id}
                which={`${device} at ${address}, last seen ${when.format(session.lastActiveAt)} UTC`}
              />
            ) : null}
          </li>
        );
      })}
    </ul>
  );
  return endable ? <EndSessionForm>{list}</EndSessionForm> : list;
}

const STEP_LABELS: Record<string, string> = {
  password: "Password",
  "second factor": "Authenticator code",
  "recovery code": "Recovery code",
};
const OUTCOME_LABELS: Record<string, string> = {
  success: "Signed in",
  failure: "Failed",
  locked: "Refused: too many failures",
};

export function SignInHistory({ attempts }: { attempts: SignInHistoryEntry[] }) {
  if (attempts.length === 0) return <p>No sign-in attempts in the last 90 days.</p>;
  return (
    <table className="mb-4 w-full text-left text-sm">
      <caption className="sr-only">Sign-in attempts, the latest first</caption>
      <thead>
        <tr>
          <th scope="col">When (UTC)</th>
          <th scope="col">Result</th>
          <th scope="col">Step</th>
          <th scope="col">Address</th>
          <th scope="col">Device</th>
        </tr>
      </thead>
      <tbody>
        {attempts.map((attempt) => (
          <tr key={attempt.id} className="border-t border-black/10 dark:border-white/15">
            <td>{when.format(attempt.at)}</td>
            <td>{OUTCOME_LABELS[attempt.outcome] ?? attempt.outcome}</td>
            <td>{STEP_LABELS[attempt.step] ?? attempt.step}</td>
            <td>{attempt.address ?? UNKNOWN_ADDRESS}</td>
            <td>{attempt.device ?? "Unknown device"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
