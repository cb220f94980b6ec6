import Link from "next/link";
import { SourceLink } from "@/components/sources/source-link";
import type { RulingView } from "@/lib/data/rulings.server";

/** The courts' decisions in date order; a ruling with no reported date says so, at the end. */
export function RulingTimeline({ rulings }: { rulings: RulingView[] }) {
  if (rulings.length === 0) return <p>No court rulings have been recorded yet.</p>;
  return (
    <ol className="mt-8 border-l-2 border-black/20 dark:border-white/25">
      {rulings.map((ruling) => (
        <li
          key={ruling.id}
          id={ruling.id}
          data-ruling-id={ruling.id}
          className="relative scroll-mt-4 pb-8 pl-6 break-words"
        >
          <span
            aria-hidden="true"
            className="absolute top-1.5 -left-[7px] h-3 w-3 rounded-full bg-accent dark:bg-accent-dark"
          />
          <p className="font-semibold text-ink-muted dark:text-ink-inverse/70">
            {ruling.date ? <time dateTime={ruling.date}>{ruling.dateDisplay}</time> : "Date not reported"}
          </p>
          <h2 className="mt-1 font-serif text-xl font-bold">{ruling.caseName ?? ruling.court}</h2>
          <p className="mt-1 text-sm">
            {ruling.courtId ? <Link href={`/agencies#${ruling.courtId}`}>{ruling.court}</Link> : ruling.court}
            {" · "}
            {ruling.jurisdictionLabel}
            {ruling.caseName ? null : " · case name not reported"}
          </p>
          <p className="mt-2 max-w-3xl">{ruling.outcome}</p>
          {ruling.note ? (
            <p className="mt-2 max-w-3xl text-sm text-ink-muted dark:text-ink-inverse/70">{ruling.note}</p>
          ) : null}
          <p className="mt-2 text-sm">
            Source: <SourceLink source={ruling.source} />
          </p>
        </li>
      ))}
    </ol>
  );
}
