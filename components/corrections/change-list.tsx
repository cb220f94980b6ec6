import Link from "next/link";
import type { PublicChange } from "@/lib/corrections/public-history";

const KIND_WORDS = { correction: "Correction", update: "Update" } as const;

type Props = {
  changes: PublicChange[];
  /** Where each change's record is read: its history page, or null to leave it unnamed (on its own history). */
  recordLink?: (change: PublicChange) => string | null;
  label: string;
};

/**
 * Changes as readers are told them: the day, what kind, what it read before and after, and the
 * editor's stated reason. No editor is named (lib/corrections/public-history.ts).
 */
export function ChangeList({ changes, recordLink, label }: Props) {
  return (
    <ol aria-label={label} className="mt-4 space-y-6">
      {changes.map((change) => {
        const link = recordLink?.(change) ?? null;
        return (
          <li
            key={change.revisionId}
            id={`change-${change.revisionId}`}
            className="border-b border-black/10 pb-4 dark:border-white/15"
          >
            <p className="text-sm text-ink-muted dark:text-ink-inverse/75">
              <strong className="font-semibold text-ink dark:text-ink-inverse">{KIND_WORDS[change.kind]}</strong>
              {" · "}
              <time dateTime={change.at}>{change.dateDisplay}</time>
            </p>
            {link ? (
              <h2 className="mt-1 font-semibold">
                <Link href={link}>{change.title}</Link>
              </h2>
            ) : null}
            {change.action === "create" ? (
              <p className="mt-1">
                {change.kind === "correction" ? "Restored" : "First reported"}: {change.reported}
              </p>
            ) : null}
            {change.action === "delete" ? <p className="mt-1">Removed from the record.</p> : null}
            {change.changes.length ? (
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
                {change.changes.map((one) => (
                  <div key={one.what} className="contents">
                    <dt className="font-semibold">{one.what}</dt>
                    <dd className="break-words">
                      <del className="text-ink-muted dark:text-ink-inverse/70">{one.before || "(none)"}</del>
                      {" → "}
                      <ins className="no-underline">{one.after || "(none)"}</ins>
                    </dd>
                  </div>
                ))}
              </dl>
            ) : null}
            {change.reason ? <p className="mt-2">Why: {change.reason}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}
