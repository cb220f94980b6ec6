/**
 * A process that saves figures the way the admin does (the change and its revision in one
 * transaction) as fast as it can, printing "saved N" only once each save has committed.
 * The crash test kills it at a random moment and checks that every printed save is there.
 */
import { createPrismaClient } from "@/lib/db/client.server";

const [url, figureId, start] = process.argv.slice(2);
const prisma = createPrismaClient(url!);

for (let save = Number(start); ; save++) {
  await prisma.$transaction([
    prisma.figure.update({ where: { id: figureId! }, data: { valueMinor: BigInt(save), version: { increment: 1 } } }),
    prisma.revision.create({
      data: {
        recordType: "figure",
        recordId: figureId!,
        action: "update",
        after: JSON.stringify({ save }),
        reason: `save ${save}`,
      },
    }),
  ]);
  process.stdout.write(`saved ${save}\n`);
}
