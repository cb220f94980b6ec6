/**
 * Prisma's codes for "another transaction wrote it first": a unique key taken (PostgreSQL), a
 * write conflict, and the timeout the SQLite adapter reports when another writer holds the file.
 */
const LOST_RACE = new Set(["P2002", "P2034", "P1008"]);

export function isLostRace(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && LOST_RACE.has(code);
}
