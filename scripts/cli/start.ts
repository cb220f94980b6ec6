/**
 * `npm start` and `npm run dev`: everything between a fresh clone and a served app.
 * Checks the configuration, creates and migrates the database, seeds it when empty, builds
 * the app when the build is missing or older than the sources, then serves it.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import { createFirstAdminIfNone } from "@/lib/auth/first-admin.server";
import { sealSecretsAtStart, sealingKeysFrom } from "@/lib/auth/sealed-secrets.server";
import { createPrismaClient } from "@/lib/db/client.server";
import { redactDatabaseUrl } from "@/lib/database-url.server";
import { migrateDatabase } from "@/lib/db/prisma-cli.server";
import { seedIfEmpty } from "@/lib/seed/seed.server";
import { parseEnv } from "@/lib/env.server";
import { serveNext } from "@/lib/http/next.server";
import { RENDERER_BUNDLE } from "@/lib/render/paths.server";
import { buildRenderer } from "../build/renderer";

const NEXT_CLI = path.resolve("node_modules", "next", "dist", "bin", "next");
const dev = process.argv.includes("--dev");
/** For instances beside others on one checkout (scripts/test/cluster.ts): serve the build there is. */
const noBuild = process.argv.includes("--no-build");

/**
 * Everything a build is made from; a change to any of these means the build is stale. The
 * renderer bundle is made from components/ and lib/ (the embed's inline scripts are sources in
 * components/embed/scripts/) by scripts/build/renderer.ts.
 */
const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "scripts/build/renderer.ts",
  "prisma/schema.prisma",
  "next.config.ts",
  "proxy.ts",
  "instrumentation.ts",
  "tailwind.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
];
const NOT_BUILD_INPUTS = new Set([path.join("lib", "generated")]);

function newestModification(entry: string): number {
  if (!existsSync(entry) || NOT_BUILD_INPUTS.has(entry)) return 0;
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(stats.mtimeMs, ...readdirSync(entry).map((name) => newestModification(path.join(entry, name))));
}

function buildIsCurrent(): boolean {
  const outputs = [path.join(".next", "BUILD_ID"), RENDERER_BUNDLE];
  if (!outputs.every((output) => existsSync(output))) return false;
  const built = Math.min(...outputs.map((output) => statSync(output).mtimeMs));
  return built >= Math.max(...BUILD_INPUTS.map(newestModification));
}

async function askServerToRevalidate(port: number, token: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/revalidate`, {
        method: "POST",
        headers: { "x-revalidate-token": token },
      });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  console.warn("The server did not answer within a minute; cached pages may be out of date.");
}

async function main(): Promise<void> {
  const config = parseEnv(process.env);

  migrateDatabase(config.DATABASE_URL);
  const seeded = await seedIfEmpty(config.DATABASE_URL);
  console.log(
    seeded
      ? `Database ${redactDatabaseUrl(config.DATABASE_URL)}: created and seeded with ${seeded.figures} figures from ${seeded.sources} sources.`
      : `Database ${redactDatabaseUrl(config.DATABASE_URL)}: up to date.`,
  );

  // Before serving: secrets the configured keys cannot open stop the start here, with a message,
  // rather than every second-factor sign-in failing later; secrets from before sealing are sealed.
  const sealing = createPrismaClient(config.DATABASE_URL);
  try {
    const { sealed } = await sealSecretsAtStart(sealing, sealingKeysFrom(config));
    if (sealed > 0) console.log(`Sealed ${sealed} second-factor secret${sealed === 1 ? "" : "s"} with SECRETS_KEY.`);
  } finally {
    await sealing.$disconnect();
  }

  // No built-in password: the first start with no editors creates the first admin.
  const firstAdmin = await createFirstAdminIfNone(config);
  if (firstAdmin) console.log(firstAdmin);

  // The server reads its settings from the environment, as a deployment would set them.
  Object.assign(process.env, {
    DATABASE_URL: config.DATABASE_URL,
    PORT: String(config.PORT),
    NEXT_TELEMETRY_DISABLED: "1",
  });
  const serving = { port: config.PORT, hostname: config.HOSTNAME, trust: config.TRUSTED_PROXIES };

  if (dev) {
    // Embeds and chart images render through this bundle; rerun `npm run dev` after changing them.
    await buildRenderer();
    closeOnSignals(await serveNext({ ...serving, dev: true }));
    console.log(`Serving the development build on port ${config.PORT}.`);
    return;
  }

  if (noBuild && !existsSync(path.join(".next", "BUILD_ID"))) {
    throw new Error("There is no build to serve: run npm run build first.");
  }
  if (!noBuild && !buildIsCurrent()) {
    console.log("Building the app (the build is missing or older than the sources)...");
    const build = spawnSync(process.execPath, [NEXT_CLI, "build"], { stdio: "inherit", env: process.env });
    if (build.status !== 0) {
      console.error("The build failed; see the messages above.");
      process.exit(build.status ?? 1);
    }
    await buildRenderer();
  }

  const token = config.REVALIDATE_TOKEN ?? randomBytes(32).toString("hex");
  process.env.REVALIDATE_TOKEN = token;
  // Next.js serves behind the app's own server, which checks every request first (decision 0015).
  closeOnSignals(await serveNext({ ...serving, dev: false }));
  console.log(`Serving on port ${config.PORT}${config.HOSTNAME ? ` of ${config.HOSTNAME}` : ""}.`);
  // The build may have rendered its pages from another database file, or before the last
  // edits: refresh them all once the server listens.
  await askServerToRevalidate(config.PORT, token);
}

/** On SIGTERM or SIGINT, finish the requests in flight (for ten seconds at most), then stop. */
function closeOnSignals(server: Server): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      server.close(() => process.exit(0));
      server.closeIdleConnections();
      setTimeout(() => process.exit(0), 10_000).unref();
    });
  }
}

main().catch((error: unknown) => {
  // A configuration or migration problem is the operator's to fix: say what, not where.
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
