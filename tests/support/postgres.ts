import pg from "pg";
import type { DatabaseProvider } from "@/lib/database-url.server";

/**
 * PostgreSQL for the tests: TEST_POSTGRES_URL names a database on a server where its role may
 * create databases (`scripts/test/postgres.sh` starts one and prints it). Each run migrates a
 * template database, and each test file gets a copy of it (see database.ts); all are named with
 * the run's prefix and dropped at its end.
 */
export const TEST_POSTGRES_URL_VARIABLE = "TEST_POSTGRES_URL";

export type PostgresTestServer = { server: string; template: string; prefix: string };

declare module "vitest" {
  export interface ProvidedContext {
    postgres: PostgresTestServer;
  }
}

/** Set by vitest.config.ts for the "postgres" project; SQLite otherwise. */
export function TEST_DATABASE_PROVIDER(): DatabaseProvider {
  return process.env.TEST_DATABASE_PROVIDER === "postgresql" ? "postgresql" : "sqlite";
}

/** The same server and credentials, another database. */
export function postgresDatabaseUrl(serverUrl: string, database: string): string {
  const url = serverUrl.replace(/^(postgres(?:ql)?:\/\/[^/?#]*\/)[^/?#]*/i, `$1${database}`);
  if (url === serverUrl && !serverUrl.includes(`/${database}`))
    throw new Error(`Cannot name another database in ${serverUrl}`);
  return url;
}

/** One statement on the server's own database: CREATE and DROP DATABASE need a connection elsewhere. */
export async function onServer<Row = unknown>(serverUrl: string, sql: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return (await client.query(sql)).rows as Row[];
  } finally {
    await client.end();
  }
}
