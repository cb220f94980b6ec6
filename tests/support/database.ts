import { randomUUID } from "node:crypto";
import { copyFileSync, rmSync } from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client.server";
import type { DatabaseProvider } from "@/lib/database-url.server";
import { onServer, postgresDatabaseUrl, TEST_DATABASE_PROVIDER } from "./postgres";
import { TEMPLATE_DATABASE, TEST_TMP } from "./paths";

export type TestDatabase = {
  provider: DatabaseProvider;
  url: string;
  /** The SQLite file; null on PostgreSQL. */
  file: string | null;
  prisma: PrismaClient;
  /** Disconnects and deletes the database. */
  destroy: () => Promise<void>;
};

/** Which database this Vitest project tests: SQLite, or PostgreSQL in the "postgres" project. */
export const TEST_PROVIDER: DatabaseProvider = TEST_DATABASE_PROVIDER();

/**
 * A fresh, migrated, empty database of the test file's own: a copy of the migrated SQLite
 * template file, or on PostgreSQL a new database made from the migrated template database.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  return TEST_PROVIDER === "postgresql" ? createPostgresTestDatabase() : createSqliteTestDatabase();
}

function createSqliteTestDatabase(): TestDatabase {
  const file = path.join(TEST_TMP, `test-${randomUUID()}.db`);
  copyFileSync(TEMPLATE_DATABASE, file);
  const url = `file:${file}`;
  const prisma = createPrismaClient(url);
  return {
    provider: "sqlite",
    url,
    file,
    prisma,
    destroy: async () => {
      await prisma.$disconnect();
      for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
    },
  };
}

async function createPostgresTestDatabase(): Promise<TestDatabase> {
  const { server, template, prefix } = inject("postgres");
  const name = `${prefix}${randomUUID().replaceAll("-", "")}`;
  await onServer(server, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  const url = postgresDatabaseUrl(server, name);
  const prisma = createPrismaClient(url);
  return {
    provider: "postgresql",
    url,
    file: null,
    prisma,
    destroy: async () => {
      await prisma.$disconnect();
      await onServer(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
