/**
 * `npm run db:backup [-- file]` and `npm run db:restore -- file`: a consistent copy of the
 * live database (SQLite's online backup, safe while the app runs), and putting one back.
 */
import path from "node:path";
import { backupDatabase, restoreDatabase } from "@/lib/db/backup.server";
import { env } from "@/lib/env.server";

const [command, file] = process.argv.slice(2);
const url = env().DATABASE_URL;

async function main(): Promise<void> {
  if (command === "backup") {
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    const target = file ?? path.join("prisma", "backups", `venetic-${stamp}.db`);
    await backupDatabase(url, target);
    console.log(`Backed up ${url} to ${target}.`);
    return;
  }
  if (command === "restore" && file) {
    await restoreDatabase(url, file);
    console.log(
      `Restored ${file} into ${url}. A running app shows it once its pages are revalidated (or at its next start).`,
    );
    return;
  }
  console.error("Usage: npm run db:backup [-- <file>]  |  npm run db:restore -- <file>");
  process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
