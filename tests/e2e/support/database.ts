import { createPrismaClient } from "@/lib/db/client.server";
import { E2E_BASE_URL, E2E_DATABASE_URL, E2E_REVALIDATE_TOKEN } from "./server";

/** A connection to the database the server under test reads. */
export function openE2eDatabase() {
  return createPrismaClient(E2E_DATABASE_URL);
}

/** What an editor's save does after writing: tell the server its cached pages are stale. */
export async function revalidate(): Promise<void> {
  const response = await fetch(`${E2E_BASE_URL}/api/revalidate`, {
    method: "POST",
    headers: { "x-revalidate-token": E2E_REVALIDATE_TOKEN },
  });
  if (!response.ok) throw new Error(`Revalidation failed: ${response.status}`);
}
