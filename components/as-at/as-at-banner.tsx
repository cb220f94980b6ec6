import Link from "next/link";
import type { AsAt } from "@/lib/as-at/read.server";
import { formatDate } from "@/lib/figures/format";

/**
 * Says, before anything else on the page, that what follows is the record as it stood, not as it
 * is: a reader who arrives from a shared address must not take an old number for today's.
 */
export function AsAtBanner({ asAt, liveHref }: { asAt: AsAt; liveHref: string }) {
  const asked = /^\d+$/.test(asAt.at)
    ? `just after revision ${asAt.revision}, made on ${formatDate(asAt.date)} at ${asAt.revisedAt.slice(11, 16)} UTC`
    : `at the end of ${formatDate(asAt.date)} (UTC), up to revision ${asAt.revision}`;
  return (
    <div
      role="status"
      className="my-4 border-l-4 border-accent bg-paper-raised p-3 dark:border-accent-dark dark:bg-paper-dark-raised"
    >
      <p className="font-semibold">You are reading the record as it stood {asked}.</p>
      <p className="mt-1">
        Corrections and reports since then are not shown. <Link href={liveHref}>Read the live record</Link>.
      </p>
    </div>
  );
}
