import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDataset } from "@/lib/seed/load.server";
import { seedDatabase } from "@/lib/seed/seed.server";
import { createTestDatabase, type TestDatabase } from "../support/database";

let database: TestDatabase;
const figureId = "itv-2020-07-02-luxury-watches";
const KILLS = 10;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase(database.prisma, loadDataset());
  await database.prisma.$disconnect();
});

afterAll(async () => {
  await database.destroy();
});

/** Runs the save loop until it has acknowledged a few saves, then kills it mid-flight. */
function saveThenKill(start: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    // node itself runs the loop (tsx as a loader, not a wrapper process), so SIGKILL hits the saver.
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "tests/support/save-loop.ts", database.url, figureId, String(start)],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    const acknowledged: number[] = [];
    let buffered = "";
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) acknowledged.push(Number(line.replace("saved ", "")));
      // Once saves are flowing, kill it at a random moment in the next 50-250 ms.
      timer ??= setTimeout(() => child.kill("SIGKILL"), 50 + Math.random() * 200);
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (signal === "SIGKILL") resolve(acknowledged);
      else reject(new Error(`the save loop stopped by itself (code ${code})`));
    });
  });
}

describe("a process killed while saving", () => {
  it(`loses no acknowledged save and leaves a sound database, ${KILLS} times over`, { timeout: 120_000 }, async () => {
    let next = 1_000;
    for (let kill = 0; kill < KILLS; kill++) {
      const acknowledged = await saveThenKill(next);
      expect(acknowledged.length, `round ${kill}`).toBeGreaterThan(0);
      const { prisma } = database;
      const [check] = await prisma.$queryRawUnsafe<{ integrity_check: string }[]>("PRAGMA integrity_check");
      expect(check?.integrity_check).toBe("ok");
      const saved = await prisma.revision.findMany({
        where: { recordId: figureId, reason: { in: acknowledged.map((save) => `save ${save}`) } },
        select: { reason: true },
      });
      expect(saved).toHaveLength(acknowledged.length);
      const figure = await prisma.figure.findUniqueOrThrow({ where: { id: figureId } });
      // The figure holds the last acknowledged save, or one more that committed unacknowledged.
      expect(Number(figure.valueMinor)).toBeGreaterThanOrEqual(acknowledged.at(-1)!);
      await prisma.$disconnect();
      next = Number(figure.valueMinor) + 1;
    }
  });
});
