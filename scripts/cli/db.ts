/**
 * `npm run db:backup [-- file]` and `npm run db:restore -- file`: a consistent copy of the
 * live database (SQLite's online backup, safe while the app runs), and putting one back.
 * `npm run db:check-text`: the stored records that their own forms would now refuse.
 */
import path from "node:path";
import { backupDatabase, restoreDatabase } from "@/lib/db/backup.server";
import { createPrismaClient } from "@/lib/db/client.server";
import { env } from "@/lib/env.server";
import { recordsBreakingRules } from "@/lib/records/check";

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
  if (command === "check-text") {
    const db = createPrismaClient(url);
    const found = await recordsBreakingRules(db);
    await db.$disconnect();
    for (const rule of found) console.log(`${rule.recordType} ${rule.id}, ${rule.field}: ${rule.message}`);
    console.log(
      found.length
        ? `${found.length} field${found.length === 1 ? "" : "s"} to correct in the admin; nothing was changed.`
        : "Every stored record passes its form's rules.",
    );
    process.exit(found.length ? 1 : 0);
  }
  console.error("Usage: npm run db:backup [-- <file>]  |  npm run db:restore -- <file>  |  npm run db:check-text");
  process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
