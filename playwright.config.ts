import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { chromiumPath } from "./tests/e2e/support/chromium";
import {
  E2E_ADMIN_EMAIL,
  E2E_ADMIN_PASSWORD,
  E2E_BASE_URL,
  E2E_DATABASE_URL,
  E2E_PORT,
  E2E_REVALIDATE_TOKEN,
  E2E_SECRETS_KEY,
} from "./tests/e2e/support/server";

export default defineConfig({
  testDir: path.join("tests", "e2e"),
  globalSetup: "./tests/e2e/support/global-setup.ts",
  outputDir: path.join("tests", ".tmp", "playwright"),
  // One server and one database are shared by the tests, some of which change it.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL: E2E_BASE_URL,
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: chromiumPath(),
          // Everything runs as root on these machines, where Chromium's sandbox cannot start.
          args: ["--no-sandbox", "--disable-gpu"],
        },
      },
    },
  ],
  webServer: {
    // The real `npm start` path: migrate, seed, build if stale, serve.
    command: "npx tsx tests/e2e/support/serve.ts",
    url: `${E2E_BASE_URL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      DATABASE_URL: E2E_DATABASE_URL,
      PORT: String(E2E_PORT),
      REVALIDATE_TOKEN: E2E_REVALIDATE_TOKEN,
      SECRETS_KEY: E2E_SECRETS_KEY,
      SITE_URL: E2E_BASE_URL,
      NEXT_TELEMETRY_DISABLED: "1",
      // `npm run typecheck` runs before `npm test` (.ci/run, npm run validate): see next.config.ts.
      BUILD_WITHOUT_TYPE_CHECK: "1",
      ADMIN_EMAIL: E2E_ADMIN_EMAIL,
      ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
    },
  },
});
