import Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/lib/generated/prisma-postgres/client";
import { databaseFile, databaseProvider } from "@/lib/database-url.server";
import { insensitiveText, postgresAdapter } from "@/lib/db/postgres.server";

/** How long a write waits for another writer before SQLite gives up with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 10_000;

/**
 * Opens the database DATABASE_URL names, the way every part of the app must: SQLite through
 * its file, or PostgreSQL through a connection pool (docs/decisions/0010).
 *
 * The app is written against one client type, SQLite's. Both clients are generated from the
 * same models, so their model API is the same; the PostgreSQL client is adapted where the two
 * databases would answer differently (text search ignores case in both), and typed as SQLite's.
 */
export function createPrismaClient(url: string): PrismaClient {
  return databaseProvider(url) === "postgresql" ? createPostgresClient(url) : createSqliteClient(url);
}

/**
 * SQLite with write-ahead logging (readers never block the writer, and a killed process cannot
 * corrupt the file) and a busy timeout, both set explicitly because the adapter sets neither.
 */
function createSqliteClient(url: string): PrismaClient {
  prepareDatabaseFile(url);
  const adapter = new PrismaBetterSQLite3({ url, timeout: BUSY_TIMEOUT_MS });
  return new PrismaClient({ adapter });
}

function createPostgresClient(url: string): PrismaClient {
  const client = new PostgresPrismaClient({ adapter: postgresAdapter(url) }).$extends({
    name: "insensitive-text",
    query: {
      $allModels: {
        $allOperations({ args, query }) {
          return query(insensitiveText(args));
        },
      },
    },
  });
  return client as unknown as PrismaClient;
}

/** WAL mode is stored in the file itself, so setting it once per open is enough for all. */
export function prepareDatabaseFile(url: string): void {
  const db = new Database(databaseFile(url), { timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma("journal_mode = WAL");
  } finally {
    db.close();
  }
}

export type { PrismaClient };
