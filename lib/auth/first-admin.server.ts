import { createPrismaClient } from "@/lib/db/client.server";
import { isLostRace } from "@/lib/db/errors";
import type { Env } from "@/lib/env.server";
import { ensureFirstAdmin } from "./editors.server";

/**
 * Creates the first admin when the database has no editors, and says how to sign in: the
 * generated password appears in this message only, once; it is stored nowhere but as a hash.
 * Instances started at once on an empty database all try; one creates the admin and says so,
 * the others find the email taken and say nothing.
 */
export async function createFirstAdminIfNone(config: Env): Promise<string | null> {
  const db = createPrismaClient(config.DATABASE_URL);
  try {
    const admin = await ensureFirstAdmin(db, { email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD }).catch(
      async (error: unknown) => {
        // Another instance added the admin first: its unique email stopped this one, or, when it
        // committed between this one's two reads, addEditor's own check did.
        if (isLostRace(error) || (await db.editor.count()) > 0) return null;
        throw error;
      },
    );
    if (!admin) return null;
    if (!admin.generatedPassword) {
      return `Created the first admin, ${admin.email}, with the password in ADMIN_PASSWORD. Sign in at /admin/login.`;
    }
    return [
      "Created the first admin. Sign in at /admin/login with:",
      `  email:    ${admin.email}`,
      `  password: ${admin.generatedPassword}`,
      "This password is shown only this once. Change it with: npm run editor -- reset " + admin.email,
    ].join("\n");
  } finally {
    await db.$disconnect();
  }
}
