import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { databaseFile, databaseProvider } from "@/lib/database-url.server";

const PRISMA_CLI = path.resolve("node_modules", "prisma", "build", "index.js");

/**
 * Runs the Prisma CLI through prisma.config.ts, which selects the JavaScript engines and, from
 * the URL, the database: SQLite's schema and migrations, or PostgreSQL's.
 */
export function runPrisma(args: string[], databaseUrl: string): { ok: boolean; stdout: string; output: string } {
  const result = spawnSync(process.execPath, [PRISMA_CLI, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    encoding: "utf8",
  });
  const stdout = result.stdout ?? "";
  return { ok: result.status === 0, stdout, output: `${stdout}${result.stderr ?? ""}` };
}

/** What Prisma says when another process holds the database: worth waiting for, unlike a bad migration. */
const BUSY = /SocketTimeout|database is locked|SQLITE_BUSY|timed out/i;
const ATTEMPTS = 5;

/**
 * Creates the database file if needed (SQLite) and applies the committed migrations. An instance
 * started beside others that are serving (a restart behind the balancer) may find the database
 * busy for a moment: it tries again, a second apart, before giving up.
 */
export function migrateDatabase(databaseUrl: string): void {
  if (databaseProvider(databaseUrl) === "sqlite")
    mkdirSync(path.dirname(databaseFile(databaseUrl)), { recursive: true });
  for (let attempt = 1; ; attempt += 1) {
    const result = runPrisma(["migrate", "deploy"], databaseUrl);
    if (result.ok) return;
    if (attempt === ATTEMPTS || !BUSY.test(result.output)) {
      throw new Error(`Applying the migrations failed:\n${result.output}`);
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
  }
}
