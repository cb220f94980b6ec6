/** Runs once when a server process starts (Next.js calls it); not while building. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { watchForChanges } = await import("@/lib/change-watch.server");
  watchForChanges();
  const { publishOnTime } = await import("@/lib/review/scheduler.server");
  publishOnTime();
}
