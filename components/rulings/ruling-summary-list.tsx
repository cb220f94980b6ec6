import Link from "next/link";
import type { RulingView } from "@/lib/data/rulings.server";

/** Rulings in brief, each linking to its place on the timeline. */
export function RulingSummaryList({ rulings }: { rulings: RulingView[] }) {
  return (
    <ul className="mt-1 space-y-1">
      {rulings.map((ruling) => (
        <li key={ruling.id}>
          <Link href={`/rulings#${ruling.id}`}>{ruling.caseName ?? `${ruling.court}, case name not reported`}</Link>
          <span className="text-ink-muted dark:text-ink-inverse/70">
            {" "}
            ({ruling.date ? <time dateTime={ruling.date}>{ruling.dateDisplay}</time> : "date not reported"})
          </span>
        </li>
      ))}
    </ul>
  );
}
