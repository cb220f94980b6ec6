import { createPrismaClient, type PrismaClient } from "@/lib/db/client.server";
import { env } from "@/lib/env.server";

// One client per server process. In development, Next reloads modules on every change, so the
// client is kept on globalThis rather than opening a new connection each time.
const globalForPrisma = globalThis as unknown as { veneticPrisma?: PrismaClient };

export const db: PrismaClient = globalForPrisma.veneticPrisma ?? createPrismaClient(env().DATABASE_URL);

if (process.env.NODE_ENV !== "production") globalForPrisma.veneticPrisma = db;
