import { afterAll, beforeAll } from "vitest";
import { addEditor } from "@/lib/auth/editors.server";
import { createSession, NO_CLIENT, type Role } from "@/lib/auth/sessions.server";
import type { SignInResult } from "@/lib/auth/sign-in.server";
import type { PrismaClient } from "@/lib/db/client.server";
import { loadDataset } from "@/lib/seed/load.server";
import { seedDatabase } from "@/lib/seed/seed.server";
import { createTestDatabase, type TestDatabase } from "./database";

/** Every test editor's password, unless a test gives its own. */
export const PASSWORD = "correct horse battery staple";

export type EditorSpec = { email: string; name: string; role: Role; password?: string };

/** An editor as the tests act as them: who they are, and the token of their session. */
export type TestEditor = { id: string; email: string; token: string };

/** A new editor with a session, as after signing in with the password alone. */
export async function signedInEditor(prisma: PrismaClient, spec: EditorSpec): Promise<TestEditor> {
  const editor = await addEditor(prisma, { ...spec, password: spec.password ?? PASSWORD });
  const { token } = await createSession(prisma, editor.id, NO_CLIENT);
  return { id: editor.id, email: editor.email, token };
}

/**
 * A database of the test file's own, with editors signed in: migrated, seeded with the dataset
 * when `seeded`, each of `editors` added (in order) with a session. Ready before the file's
 * first test, destroyed after its last; the objects returned are filled in then.
 */
export function databaseWithEditors<Name extends string>(options: {
  seeded?: boolean;
  editors: Record<Name, EditorSpec>;
}): { database: TestDatabase; editors: Record<Name, TestEditor> } {
  const database = {} as TestDatabase;
  const editors = {} as Record<Name, TestEditor>;
  beforeAll(async () => {
    Object.assign(database, await createTestDatabase());
    if (options.seeded) await seedDatabase(database.prisma, loadDataset());
    for (const [name, spec] of Object.entries(options.editors) as [Name, EditorSpec][]) {
      editors[name] = await signedInEditor(database.prisma, spec);
    }
  });
  afterAll(async () => {
    await database.destroy();
  });
  return { database, editors };
}

/** The token of the code step a correct password leads to, for an editor with a second factor. */
export function challengeOf(result: SignInResult): string {
  if (result.ok || !result.codeNeeded) throw new Error(`expected the code step, got ${JSON.stringify(result)}`);
  return result.codeNeeded.challenge;
}
