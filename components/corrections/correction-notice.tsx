import Link from "next/link";
import type { CorrectionNotice } from "@/lib/corrections/pages.server";

/** "Corrected on 3 December 2026", linking to what changed and why. */
export function CorrectionNoticeLine({ notice }: { notice: CorrectionNotice }) {
  return (
    <p className="inline-block rounded border border-conflict/40 px-2 py-1 text-sm font-semibold text-conflict dark:border-conflict-dark/50 dark:text-conflict-dark">
      <Link href={notice.historyPath}>{notice.text}</Link>
      <span className="font-normal">: see what changed and why.</span>
    </p>
  );
}
