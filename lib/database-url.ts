import path from "node:path";

/** Where the database lives when DATABASE_URL is not set: inside the checkout, git-ignored. */
export const DEFAULT_DATABASE_FILE = path.join("prisma", "venetic.db");

/**
 * Turns DATABASE_URL (or its absence) into an absolute `file:` URL, so that the CLI, the seed,
 * the server and the tests all open the same file whatever their working directory.
 * Throws with a message naming the variable when the value is not a SQLite file URL.
 */
export function databaseUrl(raw: string | undefined, cwd: string = process.cwd()): string {
  const value = raw?.trim() ? raw.trim() : `file:${DEFAULT_DATABASE_FILE}`;
  if (!value.startsWith("file:")) {
    throw new Error(
      `DATABASE_URL must be a SQLite file URL such as "file:./prisma/venetic.db" (got "${value}").`,
    );
  }
  const file = value.slice("file:".length).replace(/^\/\/(?=\/)/, "");
  if (!file || file.includes("?")) {
    throw new Error(`DATABASE_URL must name a database file without options (got "${value}").`);
  }
  return `file:${path.resolve(cwd, file)}`;
}

export function databaseFile(url: string): string {
  return url.slice("file:".length);
}
