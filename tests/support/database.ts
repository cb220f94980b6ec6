import { randomUUID } from "node:crypto";
import { copyFileSync, rmSync } from "node:fs";
import path from "node:path";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { TEMPLATE_DATABASE, TEST_TMP } from "./paths";

export type TestDatabase = {
  url: string;
  file: string;
  prisma: PrismaClient;
  /** Disconnects and deletes the file. */
  destroy: () => Promise<void>;
};

/** A fresh, migrated, empty SQLite file of the test's own, copied from the template. */
export function createTestDatabase(): TestDatabase {
  const file = path.join(TEST_TMP, `test-${randomUUID()}.db`);
  copyFileSync(TEMPLATE_DATABASE, file);
  const url = `file:${file}`;
  const prisma = createPrismaClient(url);
  return {
    url,
    file,
    prisma,
    destroy: async () => {
      await prisma.$disconnect();
      for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
    },
  };
}
