import { rmSync } from "node:fs";
import path from "node:path";
import { test } from "@playwright/test";
import { startCluster, type Cluster } from "../../../scripts/test/cluster";
import { onServer, postgresDatabaseUrl } from "../../support/postgres";
import { E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD, E2E_REVALIDATE_TOKEN, E2E_SECRETS_KEY } from "./server";

/**
 * Two app instances behind nginx, sharing one database, for one spec file: what docs/deploy.md
 * sets up when one process is not enough. Started before the file's first test, stopped after its
 * last. Like Chromium, nginx must be installed (apt-get install nginx): without it these tests fail
 * with that message, never pass unseen. With TEST_POSTGRES_URL (as in CI) the instances share a
 * PostgreSQL database of their own, as they would on several machines; otherwise a SQLite file.
 */
export function clusterForSpec(
  name: string,
  options: { port: number; settings?: Record<string, string> },
): { cluster: Cluster; databaseUrl: string } {
  const folder = path.resolve("tests", ".tmp", name);
  const postgresServer = process.env.TEST_POSTGRES_URL;
  const postgresDatabase = `venetic_${name}_${process.pid}`;
  const databaseUrl = postgresServer
    ? postgresDatabaseUrl(postgresServer, postgresDatabase)
    : `file:${path.join(folder, `${name}.db`)}`;
  const spec = { cluster: {} as Cluster, databaseUrl };

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    rmSync(folder, { recursive: true, force: true });
    if (postgresServer) await onServer(postgresServer, `CREATE DATABASE ${postgresDatabase}`);
    spec.cluster = await startCluster({
      port: options.port,
      instances: 2,
      databaseUrl,
      folder: path.join(folder, "nginx"),
      revalidateToken: E2E_REVALIDATE_TOKEN,
      secretsKey: E2E_SECRETS_KEY,
      admin: { email: E2E_ADMIN_EMAIL, password: E2E_ADMIN_PASSWORD },
      settings: options.settings,
    });
  });

  test.afterAll(async () => {
    await spec.cluster.stop?.();
    if (postgresServer) await onServer(postgresServer, `DROP DATABASE IF EXISTS ${postgresDatabase} WITH (FORCE)`);
  });

  return spec;
}
