import Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseFile } from "@/lib/database-url";

/** How long a write waits for another writer before SQLite gives up with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 10_000;

/**
 * Opens the database the way every part of the app must: write-ahead logging (readers never
 * block the writer, and a killed process cannot corrupt the file) and a busy timeout, both
 * set explicitly because the Prisma adapter sets neither.
 */
export function createPrismaClient(url: string): PrismaClient {
  prepareDatabaseFile(url);
  const adapter = new PrismaBetterSQLite3({ url, timeout: BUSY_TIMEOUT_MS });
  return new PrismaClient({ adapter });
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
