import { db } from "@/lib/db.server";
import { nextDue, publishDue } from "./pending";

/**
 * How often each instance reads when the next scheduled change is due (one indexed read). A
 * change set while this instance sleeps is seen within this long; it is then published by a timer
 * set to its own time, so what this bounds is how late a change set less than this ahead can be.
 */
export const SCHEDULE_LOOK_MS = 500;

/** setTimeout's longest delay; a later change is looked at again on the way. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

// Shared through globalThis: instrumentation.ts and the server actions are bundled apart, each
// with its own copy of this module.
const store = globalThis as unknown as { veneticLookForScheduled?: () => void };

/**
 * Publishes scheduled changes at their time, with no one signed in, on every instance
 * (decision 0023). Each instance sets a timer to the next due time; when it fires, every instance
 * tries to claim the change and one wins (lib/review/pending.ts), writing its revision, which
 * every instance's revision watcher (decision 0012) sees within 250 ms and clears its kept pages for.
 */
export function publishOnTime(): void {
  let timer: NodeJS.Timeout | null = null;
  let dueAt: number | null = null;
  let failing = false;

  const publish = async () => {
    timer = null;
    dueAt = null;
    try {
      await publishDue(db);
      failing = false;
      void look();
    } catch (error) {
      // The database is busy or gone: the next beat tries again, rather than a timer at once.
      if (!failing) console.warn(`Publishing scheduled changes: ${(error as Error).message}; trying again.`);
      failing = true;
    }
  };

  const look = async () => {
    try {
      const next = await nextDue(db);
      if (next === null) return;
      const at = next.getTime();
      if (dueAt !== null && dueAt <= at) return;
      if (timer) clearTimeout(timer);
      dueAt = at;
      // A timer may fire a millisecond early; the claim's condition (publishAt ≤ now) then finds
      // nothing due, so wait for the time itself and never publish before it.
      timer = setTimeout(publish, Math.min(Math.max(at - Date.now() + 1, 0), LONGEST_TIMER_MS));
      timer.unref();
    } catch (error) {
      if (!failing) console.warn(`Looking for scheduled changes: ${(error as Error).message}; trying again.`);
      failing = true;
    }
  };

  store.veneticLookForScheduled = () => void look();
  const keepLooking = () => {
    void look();
    setTimeout(keepLooking, SCHEDULE_LOOK_MS).unref();
  };
  keepLooking();
}

/** After this instance sets or moves a change: look again at once rather than at the next beat. */
export function lookForScheduledChanges(): void {
  store.veneticLookForScheduled?.();
}
