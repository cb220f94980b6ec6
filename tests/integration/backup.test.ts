import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupDatabase, restoreDatabase } from "@/lib/db/backup.server";
import { loadDataset } from "@/lib/seed/load.server";
import { seedDatabase } from "@/lib/seed/seed.server";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { TEST_TMP } from "../support/paths";

let database: TestDatabase;
const backupFile = path.join(TEST_TMP, `backup-${process.pid}.db`);
const figureId = "itv-2020-07-02-arrested";

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase(database.prisma, loadDataset());
});

afterAll(async () => {
  await database.destroy();
  rmSync(backupFile, { force: true });
});

describe("backup and restore", () => {
  it("round-trips the database while the app keeps its connection open", async () => {
    const { prisma } = database;
    // Something still in the write-ahead log at backup time must be in the backup.
    await prisma.figure.update({ where: { id: figureId }, data: { note: "before the backup" } });
    await backupDatabase(database.url, backupFile);

    await prisma.figure.update({ where: { id: figureId }, data: { valueMinor: 1n, note: "after the backup" } });
    await prisma.figure.delete({ where: { id: "itv-2020-07-02-grenades" } });

    await restoreDatabase(database.url, backupFile);
    // The same open connection, as the running app would use, reads the restored records.
    const figure = await prisma.figure.findUniqueOrThrow({ where: { id: figureId } });
    expect([figure.valueMinor, figure.note]).toEqual([746n, "before the backup"]);
    expect(await prisma.figure.count({ where: { id: "itv-2020-07-02-grenades" } })).toBe(1);
    const [check] = await prisma.$queryRawUnsafe<{ integrity_check: string }[]>("PRAGMA integrity_check");
    expect(check?.integrity_check).toBe("ok");
  });

  it("refuses to restore a file that is not one of its backups, changing nothing", async () => {
    const notABackup = path.join(TEST_TMP, `not-a-backup-${process.pid}.db`);
    writeFileSync(notABackup, "this is not a database");
    await expect(restoreDatabase(database.url, notABackup)).rejects.toThrow();
    rmSync(notABackup, { force: true });
    expect(await database.prisma.figure.count()).toBeGreaterThan(100);
  });
});
