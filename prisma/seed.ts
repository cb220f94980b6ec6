import { redactDatabaseUrl } from "@/lib/database-url.server";
import { createPrismaClient } from "@/lib/db/client.server";
import { env } from "@/lib/env.server";
import { seedDatabase } from "@/lib/seed/seed.server";
import { loadDataset } from "@/lib/seed/load.server";

// `npm run db:seed`: adds whatever the shipped dataset has that the database lacks.
const prisma = createPrismaClient(env().DATABASE_URL);
try {
  const report = await seedDatabase(prisma, loadDataset());
  const added = Object.entries(report).map(([table, count]) => `${count} ${table}`);
  console.log(`Seeded ${redactDatabaseUrl(env().DATABASE_URL)}: added ${added.join(", ")}.`);
} finally {
  await prisma.$disconnect();
}
