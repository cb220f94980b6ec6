import { mkdirSync, rmSync } from "node:fs";
import { migrateDatabase } from "@/lib/db/prisma-cli.server";
import { TEMPLATE_DATABASE, TEST_TMP } from "./paths";

/** Migrates one empty template database; each test file copies it (see database.ts). */
export default function setup(): void {
  mkdirSync(TEST_TMP, { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) rmSync(TEMPLATE_DATABASE + suffix, { force: true });
  migrateDatabase(`file:${TEMPLATE_DATABASE}`);
}
