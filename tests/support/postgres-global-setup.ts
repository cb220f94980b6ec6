import type { TestProject } from "vitest/node";
import { migrateDatabase } from "@/lib/db/prisma-cli.server";
import { onServer, postgresDatabaseUrl, TEST_POSTGRES_URL_VARIABLE } from "./postgres";

const RUN_PREFIX = "venetic_t";

/** Databases of earlier runs whose process is gone (killed before its teardown). */
async function dropAbandoned(server: string): Promise<void> {
  const rows = await onServer<{ datname: string }>(
    server,
    `SELECT datname FROM pg_database WHERE starts_with(datname, '${RUN_PREFIX}')`,
  );
  for (const { datname } of rows) {
    const pid = Number(/^venetic_t[0-9a-z]+p(\d+)_/.exec(datname)?.[1]);
    if (!pid || pidIsAlive(pid)) continue;
    await onServer(server, `DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
}

function pidIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Migrates this run's PostgreSQL template database; each test file copies it (see database.ts). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = process.env[TEST_POSTGRES_URL_VARIABLE];
  if (!server)
    throw new Error(
      `The postgres test project needs ${TEST_POSTGRES_URL_VARIABLE} (see README, "Tests on PostgreSQL").`,
    );
  await dropAbandoned(server);
  const prefix = `${RUN_PREFIX}${Date.now().toString(36)}p${process.pid}_`;
  const template = `${prefix}template`;
  // A language's collation, as most servers have (the test server's own default is C): the
  // app must not rely on text sorting character by character where it has not asked for it.
  await onServer(
    server,
    `CREATE DATABASE "${template}" TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8' LOCALE_PROVIDER icu ICU_LOCALE 'en-US-u-ka-shifted'`,
  );
  migrateDatabase(postgresDatabaseUrl(server, template));
  project.provide("postgres", { server, template, prefix });

  return async () => {
    const rows = await onServer<{ datname: string }>(
      server,
      `SELECT datname FROM pg_database WHERE starts_with(datname, '${prefix}')`,
    );
    for (const { datname } of rows) await onServer(server, `DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  };
}
