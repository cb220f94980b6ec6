/**
 * `npm test`: the whole suite in one command, on a fresh Debian machine too. First what the
 * suite needs from the machine (Chromium, fonts, nginx, PostgreSQL: ./machine.ts installs
 * what is missing from Debian's packages, or says how). Then Vitest (unit, component and
 * integration tests against real SQLite files, and the integration tests again on PostgreSQL),
 * then Playwright in Chromium against the built app, which its configuration starts. Ends with
 * one line counting every test that ran:
 *   Tests: N passed, M failed
 * and exits non-zero if any test failed or a runner could not run.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { prepareMachine } from "./machine";

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

const machine = prepareMachine();
if ("problem" in machine) {
  console.error(`\n${machine.problem}`);
  process.exit(1);
}

const vitestStatus = run(
  "npx",
  ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${VITEST_REPORT}`],
  machine.env,
);
const vitest = vitestCount();
if (!vitest) problems.push(`Vitest did not report its results (exit code ${vitestStatus}).`);
else if (vitestStatus !== 0 && vitest.failed === 0) problems.push(`Vitest exited with code ${vitestStatus}.`);

const playwrightStatus = run("npx", ["playwright", "test"], {
  ...machine.env,
  PLAYWRIGHT_JSON_OUTPUT_NAME: PLAYWRIGHT_REPORT,
});
const playwright = playwrightCount();
if (!playwright) problems.push(`Playwright did not report its results (exit code ${playwrightStatus}).`);
else if (playwrightStatus !== 0 && playwright.failed === 0)
  problems.push(`Playwright exited with code ${playwrightStatus}.`);

const total = [vitest, playwright].reduce<Count>(
  (sum, count) => ({
    passed: sum.passed + (count?.passed ?? 0),
    failed: sum.failed + (count?.failed ?? 0),
    skipped: sum.skipped + (count?.skipped ?? 0),
  }),
  { passed: 0, failed: 0, skipped: 0 },
);

for (const problem of problems) console.error(`\n${problem}`);
console.log(
  `\nVitest: ${vitest ? `${vitest.passed} passed, ${vitest.failed} failed` : "no results"}; ` +
    `Playwright: ${playwright ? `${playwright.passed} passed, ${playwright.failed} failed` : "no results"}`,
);
// A runner that could not run, or a file that failed outside any test, counts as a failure too.
console.log(
  `Tests: ${total.passed} passed, ${total.failed + problems.length} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`,
);
process.exit(total.failed > 0 || problems.length > 0 ? 1 : 0);
