import { describe, expect, it } from "vitest";
import { backupDatabase, restoreDatabase } from "./backup.server";

describe("backup and restore of a PostgreSQL database", () => {
  it("explain that pg_dump and pg_restore do it, and touch nothing", async () => {
    const url = "postgresql://venetic:secret@db.example.org:5432/venetic";
    await expect(backupDatabase(url, "never-written.db")).rejects.toThrow(/pg_dump --format=custom/);
    await expect(restoreDatabase(url, "never-read.db")).rejects.toThrow(/pg_restore/);
    await expect(backupDatabase(url, "never-written.db")).rejects.not.toThrow(/secret/);
  });
});
