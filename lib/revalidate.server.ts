import { timingSafeEqual } from "node:crypto";
import { revalidatePath } from "next/cache";
import { forgetReplays } from "@/lib/as-at/read.server";
import { forgetUntilChange } from "@/lib/data/until-change.server";
import { clearServedResponses } from "@/lib/http/serving-cache.server";
import { clearRenderings } from "@/lib/render/cache";
import { env } from "@/lib/env.server";

/**
 * Public pages are rendered once and cached. After the database changes (a save, a seed, a
 * restart on another database file), this marks every cached page stale, and forgets every
 * rendered embed and chart file, and every response the server keeps ready, so the next visit
 * renders it again from the database.
 */
export function revalidatePublicPages(): void {
  revalidatePath("/", "layout");
  clearRenderings();
  forgetUntilChange();
  clearServedResponses();
  forgetReplays();
}

/** Whether a request carries the token the server was started with. */
export function isRevalidateTokenValid(given: string | null): boolean {
  const expected = env().REVALIDATE_TOKEN;
  if (!expected || !given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
