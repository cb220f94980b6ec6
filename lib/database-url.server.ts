import path from "node:path";

/** Where the database lives when DATABASE_URL is not set: inside the checkout, git-ignored. */
export const DEFAULT_DATABASE_FILE = path.join("prisma", "venetic.db");

/** SQLite by default; PostgreSQL when DATABASE_URL says so (docs/decisions/0010). */
export type DatabaseProvider = "sqlite" | "postgresql";

const POSTGRES_SCHEME = /^postgres(?:ql)?:\/\//i;
/** A database name after the host part; the host may be empty when `?host=` names a socket. */
const POSTGRES_URL = /^postgres(?:ql)?:\/\/[^/?#]*\/[^/?#]+(?:\?[^#]*)?$/i;

/**
 * Turns DATABASE_URL (or its absence) into the URL every part of the app opens: an absolute
 * `file:` URL for SQLite, so that the CLI, the seed, the server and the tests all open the same
 * file whatever their working directory; a `postgres://` or `postgresql://` URL as given.
 * Throws with a message naming the variable (and never its password) when the value is neither.
 */
export function databaseUrl(raw: string | undefined, cwd: string = process.cwd()): string {
  const value = raw?.trim() ? raw.trim() : `file:${DEFAULT_DATABASE_FILE}`;
  if (POSTGRES_SCHEME.test(value)) {
    if (!POSTGRES_URL.test(value)) {
      throw new Error(
        `DATABASE_URL must name a PostgreSQL database, such as "postgresql://venetic:password@db.example.org:5432/venetic" (got "${redactDatabaseUrl(value)}").`,
      );
    }
    return value;
  }
  if (!value.startsWith("file:")) {
    throw new Error(
      `DATABASE_URL must be a SQLite file URL such as "file:./prisma/venetic.db", or a PostgreSQL URL such as "postgresql://venetic:password@localhost:5432/venetic" (got "${redactDatabaseUrl(value)}").`,
    );
  }
  const file = value.slice("file:".length).replace(/^\/\/(?=\/)/, "");
  if (!file || file.includes("?")) {
    throw new Error(`DATABASE_URL must name a database file without options (got "${value}").`);
  }
  return `file:${path.resolve(cwd, file)}`;
}

export function databaseProvider(url: string): DatabaseProvider {
  return POSTGRES_SCHEME.test(url) ? "postgresql" : "sqlite";
}

/** The SQLite file a `file:` URL names. */
export function databaseFile(url: string): string {
  if (databaseProvider(url) !== "sqlite") {
    throw new Error(`${redactDatabaseUrl(url)} is a PostgreSQL database, not a SQLite file.`);
  }
  return url.slice("file:".length);
}

/** The URL fit for a log or a message: any password replaced by ****. */
export function redactDatabaseUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/?#@]*):[^@/?#]*@/i, "$1:****@");
}
