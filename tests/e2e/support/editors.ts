import { test } from "@playwright/test";
import { addEditor, disableEditor } from "@/lib/auth/editors.server";
import { openE2eDatabase } from "./database";

/**
 * Editors a spec makes for itself, all with `password`. They stay in the history (revisions point
 * at them), so they are disabled after the spec's last test rather than deleted; the run's time
 * in their emails keeps runs apart. Call at the top of a spec.
 */
export function editorsOfThisSpec({ password, label }: { password: string; label: string }) {
  const run = Date.now();
  const prisma = openE2eDatabase();
  const created: string[] = [];
  test.afterAll(async () => {
    for (const email of created) await disableEditor(prisma, email);
    // Their wrong passwords and codes count against this machine's address, which every later
    // spec signs in from: the lock-out they earned is theirs alone.
    await prisma.loginThrottle.deleteMany({});
    await prisma.$disconnect();
  });
  async function newEditor(name: string): Promise<string> {
    const email = `${name}-${run}@example.org`;
    await addEditor(prisma, { email, name: `${label} ${name}`, role: "editor", password });
    created.push(email);
    return email;
  }
  return { prisma, run, newEditor };
}
