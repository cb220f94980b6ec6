import type { ReactNode } from "react";

/** A confirmation or a refusal, announced by screen readers when it appears. */
export function StatusMessage({ tone, children }: { tone: "success" | "error"; children: ReactNode }) {
  const colours =
    tone === "success"
      ? "border-series-green bg-series-green/10"
      : "border-conflict bg-conflict/10 dark:border-conflict-dark";
  return (
    <p role={tone === "error" ? "alert" : "status"} className={`mb-4 rounded border-l-4 p-3 ${colours}`}>
      {children}
    </p>
  );
}
