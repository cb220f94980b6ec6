import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { createPrismaClient } from "@/lib/db/client";
import { databaseFile, databaseProvider } from "@/lib/database-url";
import { loadDataset } from "@/lib/seed/load";
import { isDatabaseEmpty, seedDatabase, type SeedReport } from "@/lib/seed/seed";

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

/** Creates the database file if needed (SQLite) and applies the committed migrations. */
export function migrateDatabase(databaseUrl: string): void {
  if (databaseProvider(databaseUrl) === "sqlite")
    mkdirSync(path.dirname(databaseFile(databaseUrl)), { recursive: true });
  const result = runPrisma(["migrate", "deploy"], databaseUrl);
  if (!result.ok) throw new Error(`Applying the migrations failed:\n${result.output}`);
}

/**
 * Prisma's codes for "another transaction wrote it first": a unique key taken (PostgreSQL), a
 * write conflict, and the timeout the SQLite adapter reports when another writer holds the file.
 */
const LOST_RACE = new Set(["P2002", "P2034", "P1008"]);

export function isLostRace(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && LOST_RACE.has(code);
}

/**
 * Loads the shipped dataset into a database that has no records yet. Instances started at once
 * on one empty database race to seed it: the seed is one transaction, so the losers' writes are
 * all undone, and they look again, find it seeded, and carry on.
 */
export async function seedIfEmpty(databaseUrl: string): Promise<SeedReport | null> {
  const prisma = createPrismaClient(databaseUrl);
  try {
    for (let attempt = 1; ; attempt++) {
      if (!(await isDatabaseEmpty(prisma))) return null;
      try {
        return await seedDatabase(prisma, loadDataset());
      } catch (error) {
        if (attempt >= 5 || !isLostRace(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  } finally {
    await prisma.$disconnect();
  }
}
