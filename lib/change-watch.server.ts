import { db } from "@/lib/db.server";
import { env } from "@/lib/env.server";
import { selfAddress } from "@/lib/site.server";

/** How often each instance looks for a change; a save shows everywhere within about this long. */
export const CHANGE_POLL_MS = 250;

/**
 * Keeps this server's cached pages in step with the database when other processes write to it:
 * another app instance behind the same load balancer, `npm run editor`, a restore. Every change
 * appends a revision, so the newest revision's id moves with every change, and a restore makes it
 * jump. When it moves, the server is asked to revalidate itself, through the same endpoint
 * `npm start` uses, since Next.js revalidates only from inside a request (decision 0012).
 */
export function watchForChanges(): void {
  const { REVALIDATE_TOKEN: token, PORT: port, HOSTNAME: hostname } = env();
  if (!token) return; // `next dev` renders per request; there is no cache to keep in step
  const endpoint = `http://${selfAddress(hostname)}:${port}/api/revalidate`;
  let seen: number | null | undefined;
  let failing = false;

  const look = async () => {
    try {
      const latest = (await db.revision.aggregate({ _max: { id: true } }))._max.id;
      if (seen !== undefined && latest !== seen) {
        const response = await fetch(endpoint, { method: "POST", headers: { "x-revalidate-token": token } });
        if (!response.ok) throw new Error(`${endpoint} answered ${response.status}`);
      }
      seen = latest;
      failing = false;
    } catch (error) {
      // The database is busy or the server not yet listening: the next look tries again. Say so
      // once, so that a watcher that can never reach its server does not fail in silence.
      if (!failing) console.warn(`Watching for changes: ${(error as Error).message}; trying again.`);
      failing = true;
    }
    setTimeout(look, CHANGE_POLL_MS).unref();
  };
  setTimeout(look, CHANGE_POLL_MS).unref();
}
