/**
 * `npm test`: the whole suite in one command. Vitest (unit, component and integration tests
 * against real SQLite files, and the integration tests again on PostgreSQL when
 * TEST_POSTGRES_URL is set), then Playwright in Chromium against the built app, which its
 * configuration starts. Ends with one line counting every test that ran:
 *   Tests: N passed, M failed
 * and exits non-zero if any test failed or a runner could not run.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { chromiumMissingMessage } from "../tests/e2e/support/chromium";

const TMP = path.resolve("tests", ".tmp");
const VITEST_REPORT = path.join(TMP, "vitest.json");
const PLAYWRIGHT_REPORT = path.join(TMP, "playwright.json");

type Count = { passed: number; failed: number; skipped: number };

function run(command: string, args: string[], env: Record<string, string> = {}): number {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function vitestCount(): Count | null {
  if (!existsSync(VITEST_REPORT)) return null;
  const report = JSON.parse(readFileSync(VITEST_REPORT, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

function playwrightCount(): Count | null {
  if (!existsSync(PLAYWRIGHT_REPORT)) return null;
  const report = JSON.parse(readFileSync(PLAYWRIGHT_REPORT, "utf8")) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    errors?: unknown[];
  };
  return {
    passed: report.stats.expected,
    // A flaky test passed only on a retry: that is a failure worth seeing.
    failed: report.stats.unexpected + report.stats.flaky + (report.errors?.length ?? 0),
    skipped: report.stats.skipped,
  };
}

rmSync(TMP, { recursive: true, force: true });
mkdirSync(TMP, { recursive: true });
const problems: string[] = [];

// Without a server the PostgreSQL run is left out, and said so; CI must run it.
const postgresSkipped = !process.env.TEST_POSTGRES_URL;
const POSTGRES_MISSING =
  "The PostgreSQL tests were not run: TEST_POSTGRES_URL is not set. Start a server with\n" +
  '  export TEST_POSTGRES_URL="$(sudo bash scripts/test-postgres.sh)"\nand run npm test again (README, "Tests on PostgreSQL").';
if (postgresSkipped) console.warn(`\n${POSTGRES_MISSING}\n`);
if (postgresSkipped && process.env.CI) problems.push(`${POSTGRES_MISSING}\nCI must run them.`);

const vitestStatus = run("npx", [
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${VITEST_REPORT}`,
]);
const vitest = vitestCount();
if (!vitest) problems.push(`Vitest did not report its results (exit code ${vitestStatus}).`);
else if (vitestStatus !== 0 && vitest.failed === 0) problems.push(`Vitest exited with code ${vitestStatus}.`);

let playwright: Count | null = null;
const chromiumProblem = chromiumMissingMessage();
if (chromiumProblem) {
  problems.push(chromiumProblem);
} else {
  const status = run("npx", ["playwright", "test"], { PLAYWRIGHT_JSON_OUTPUT_NAME: PLAYWRIGHT_REPORT });
  playwright = playwrightCount();
  if (!playwright) problems.push(`Playwright did not report its results (exit code ${status}).`);
  else if (status !== 0 && playwright.failed === 0) problems.push(`Playwright exited with code ${status}.`);
}

const total = [vitest, playwright].reduce<Count>(
  (sum, count) => ({
    passed: sum.passed + (count?.passed ?? 0),
    failed: sum.failed + (count?.failed ?? 0),
    skipped: sum.skipped + (count?.skipped ?? 0),
  }),
  { passed: 0, failed: 0, skipped: 0 },
);

for (const problem of problems) console.error(`\n${problem}`);
if (postgresSkipped && !process.env.CI) console.warn(`\n${POSTGRES_MISSING}`);
console.log(
  `\nVitest: ${vitest ? `${vitest.passed} passed, ${vitest.failed} failed` : "no results"}; ` +
    `Playwright: ${playwright ? `${playwright.passed} passed, ${playwright.failed} failed` : "did not run"}; ` +
    `PostgreSQL: ${postgresSkipped ? "NOT RUN (no TEST_POSTGRES_URL)" : 'ran (Vitest project "postgres")'}`,
);
console.log(
  `Tests: ${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`,
);
process.exit(total.failed > 0 || problems.length > 0 ? 1 : 0);
