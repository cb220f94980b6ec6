/**
 * What the whole suite needs from the machine besides npm's packages: Chromium for the browser
 * tests, the DejaVu fonts for the chart images rendered on the server, nginx in front of two app
 * instances (tests/e2e/instances.spec.ts), a PostgreSQL server for the integration tests'
 * second run (docs/decisions/0010), and xmllint to hold the Atom feeds to RFC 4287's grammar. `npm test` installs the missing ones from Debian's packages
 * when it can (as root, with apt-get), as `npx playwright install --with-deps` does for its
 * browsers; where it cannot, it stops with the command to run.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { chromiumPath } from "../../tests/e2e/support/chromium";

const POSTGRES_SCRIPT = path.join("scripts", "test", "postgres.sh");
const FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

export function nginxPath(): string {
  return process.env.NGINX_PATH || "/usr/sbin/nginx";
}

type Need = {
  debianPackage: string;
  why: string;
  present: () => boolean;
  /** The variable that points at one's own instead; Debian's package cannot stand in for it. */
  variable?: string;
};

function commandExists(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

const NEEDS: Need[] = [
  {
    debianPackage: "chromium",
    why: "the browser tests",
    present: () => existsSync(chromiumPath()),
    variable: "CHROMIUM_PATH",
  },
  { debianPackage: "fonts-dejavu-core", why: "the chart images (PNG)", present: () => existsSync(FONT) },
  {
    debianPackage: "nginx",
    why: "two app instances behind a balancer",
    present: () => existsSync(nginxPath()),
    variable: "NGINX_PATH",
  },
  {
    debianPackage: "libxml2-utils",
    why: "validating the Atom feeds (xmllint)",
    present: () => commandExists("xmllint"),
  },
  {
    debianPackage: "postgresql",
    why: "the integration tests on PostgreSQL",
    // A server of one's own (TEST_POSTGRES_URL) needs no local PostgreSQL.
    present: () => Boolean(process.env.TEST_POSTGRES_URL) || commandExists("pg_lsclusters"),
  },
];

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

function installCommand(packages: string[], sudo: string): string {
  return `${sudo}apt-get update && ${sudo}apt-get install -y --no-install-recommends ${packages.join(" ")}`;
}

function apt(args: string[]): boolean {
  const result = spawnSync("apt-get", args, {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  return result.status === 0;
}

/** Installs what is missing, or returns why it cannot, with the command that would. */
function installMissing(): string | null {
  const missing = NEEDS.filter((need) => !need.present());
  if (missing.length === 0) return null;
  const pointedAway = missing.filter((need) => need.variable && process.env[need.variable]);
  if (pointedAway.length > 0) {
    return pointedAway
      .map(
        ({ variable }) => `${variable} is ${process.env[variable!]}, where there is no such file: correct or unset it.`,
      )
      .join("\n");
  }
  const packages = missing.map((need) => need.debianPackage);
  const list = missing.map((need) => `  ${need.debianPackage} (${need.why})`).join("\n");
  if (!commandExists("apt-get")) {
    return (
      `The tests need these, and this machine has no apt-get to install them:\n${list}\n` +
      "Install them with the machine's package manager, or point CHROMIUM_PATH, NGINX_PATH or TEST_POSTGRES_URL at your own, and run npm test again."
    );
  }
  if (!isRoot()) {
    return `The tests need these Debian packages, and installing them needs root:\n${list}\nRun\n  ${installCommand(packages, "sudo ")}\nand npm test again.`;
  }
  console.log(`\nInstalling from Debian's packages what the tests need and this machine lacks:\n${list}\n`);
  if (!apt(["update", "-qq"]) || !apt(["install", "-y", "-qq", "--no-install-recommends", ...packages])) {
    return `Installing ${packages.join(", ")} failed (output above). Try\n  ${installCommand(packages, "")}`;
  }
  const stillMissing = missing.filter((need) => !need.present()).map((need) => need.debianPackage);
  if (stillMissing.length > 0) return `Installed, yet still missing: ${stillMissing.join(", ")}.`;
  console.log(`Installed ${packages.join(", ")}.\n`);
  return null;
}

/** Debian's cluster started on loopback (./postgres.sh), unless TEST_POSTGRES_URL names a server. */
function postgresUrl(): { url: string } | { problem: string } {
  const given = process.env.TEST_POSTGRES_URL;
  if (given) return { url: given };
  const command = `export TEST_POSTGRES_URL="$(sudo bash ${POSTGRES_SCRIPT})"`;
  if (!isRoot()) {
    return {
      problem: `Starting PostgreSQL for the tests needs root. Run\n  ${command}\nand npm test again in that shell.`,
    };
  }
  const result = spawnSync("bash", [POSTGRES_SCRIPT], { stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" });
  const url = result.stdout.trim();
  if (result.status !== 0 || !url) return { problem: `Starting PostgreSQL failed (output above). Try\n  ${command}` };
  return { url };
}

/**
 * Makes the machine ready for the whole suite. Returns the environment the runners need
 * (TEST_POSTGRES_URL), or the problem that stops the tests, with the command that solves it.
 */
export function prepareMachine(): { env: Record<string, string> } | { problem: string } {
  const problem = installMissing();
  if (problem) return { problem };
  const postgres = postgresUrl();
  if ("problem" in postgres) return postgres;
  return { env: { TEST_POSTGRES_URL: postgres.url } };
}
