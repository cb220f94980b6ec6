import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { BUSY_TIMEOUT_MS } from "@/lib/db/client.server";
import { databaseFile, databaseProvider } from "@/lib/database-url.server";

/** What db:backup and db:restore say for PostgreSQL, whose own tools do this better. */
export const POSTGRES_BACKUP_MESSAGE = [
  "DATABASE_URL names a PostgreSQL database: npm run db:backup and db:restore copy SQLite files only.",
  "Use PostgreSQL's own tools, which also read a consistent snapshot while the app runs:",
  '  back up:  pg_dump --format=custom --file=venetic.dump "$DATABASE_URL"',
  '  restore:  pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" venetic.dump',
].join("\n");

function requireSqlite(databaseUrl: string): void {
  if (databaseProvider(databaseUrl) !== "sqlite") throw new Error(POSTGRES_BACKUP_MESSAGE);
}

/**
 * Copies of the live database made with SQLite's online backup, which reads a consistent
 * snapshot while the app goes on reading and writing: never a plain file copy, which can catch
 * a write half-done or miss what is still in the write-ahead log.
 */
export async function backupDatabase(databaseUrl: string, target: string): Promise<void> {
  requireSqlite(databaseUrl);
  mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const live = new Database(databaseFile(databaseUrl), {
    readonly: true,
    fileMustExist: true,
    timeout: BUSY_TIMEOUT_MS,
  });
  try {
    await live.backup(path.resolve(target));
  } finally {
    live.close();
  }
}

/**
 * Puts a backup back into the live database, page by page through the same online backup, so a
 * running app sees the restored records on its next read. Checks the backup first: a file that
 * is not a sound SQLite database of ours is refused and nothing is changed.
 */
export async function restoreDatabase(databaseUrl: string, source: string): Promise<void> {
  requireSqlite(databaseUrl);
  const backup = new Database(path.resolve(source), { readonly: true, fileMustExist: true });
  try {
    const [check] = backup.pragma("integrity_check") as { integrity_check: string }[];
    if (check?.integrity_check !== "ok") throw new Error(`${source} is damaged: ${check?.integrity_check}`);
    const hasRecords = backup.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'Figure'").get();
    if (!hasRecords) throw new Error(`${source} is not a backup of this app's database.`);
    await backup.backup(databaseFile(databaseUrl));
  } finally {
    backup.close();
  }
}
