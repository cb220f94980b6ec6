import { availableParallelism } from "node:os";
import react from "@vitejs/plugin-react";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

const root = import.meta.dirname;

/**
 * The tests that touch a database run a second time on PostgreSQL when TEST_POSTGRES_URL is set
 * (CI sets it; `npm test` says so when it is not). Tests of what only SQLite has (its pragmas,
 * its file backup, a killed writer's file) stay in "unit".
 */
const POSTGRES_TESTS = ["tests/integration/**/*.test.ts", "lib/figures/table-where.test.ts"];
const NOT_ON_POSTGRES = [
  "tests/integration/backup.test.ts", // SQLite's online file backup (PostgreSQL has pg_dump)
  "tests/integration/crash.test.ts", // a killed writer and SQLite's file
  "tests/integration/hostile-input.test.ts", // parsers only, no database
];
const postgresProject: TestProjectInlineConfiguration = {
  extends: true,
  test: {
    name: "postgres",
    environment: "node",
    include: POSTGRES_TESTS,
    exclude: NOT_ON_POSTGRES,
    globalSetup: ["tests/support/postgres-global-setup.ts"],
    env: { TEST_DATABASE_PROVIDER: "postgresql" },
  },
};

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      "@": root,
    },
  },
  test: {
    // Property tests run a hundred cases against a real database each; on a busy two-core
    // machine that can pass Vitest's 5 s default without anything being wrong.
    testTimeout: 30_000,
    // One file per core, where Vitest's default leaves one core out: the integration tests wait on
    // their databases' disks as much as on the cores. On this 2-core machine the whole suite with
    // PostgreSQL took 386 s at the default, 253 s at two and 236 s at three (the last too close to
    // the property tests' timeouts on a busy machine).
    maxWorkers: availableParallelism(),
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/fail-on-console-error.ts"],
    // The key second-factor secrets are sealed with, as a deployment sets it (a fixed test key).
    env: { SECRETS_KEY: Buffer.alloc(32, 1).toString("base64") },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "node",
          include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "tests/integration/**/*.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "components",
          environment: "jsdom",
          include: ["components/**/*.test.tsx"],
          setupFiles: ["tests/support/testing-library.ts"],
        },
      },
      ...(process.env.TEST_POSTGRES_URL ? [postgresProject] : []),
    ],
  },
});
