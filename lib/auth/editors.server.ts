import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/db/client.server";
import { editorEmail, newEditorSchema, newPassword, type NewEditor } from "@/lib/validation/editor";
import { recordAccountChange } from "./account-history";
import { hashPassword } from "./password.server";

export type EditorSummary = { id: string; email: string; name: string; role: string; disabledAt: Date | null };

const summarySelect = { id: true, email: true, name: true, role: true, disabledAt: true } as const;

export class EditorError extends Error {
  override name = "EditorError";
}

function check<T>(
  result:
    { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } },
): T {
  if (result.success) return result.data;
  throw new EditorError(
    result.error.issues
      .map((issue) => (issue.path.length > 0 ? `${issue.path.join(".")}: ` : "") + issue.message)
      .join("\n"),
  );
}

/**
 * Every change here is recorded in the history in the same transaction, as made by `by` (an
 * admin's editor id), or by the system when it is null (the command line, the first start).
 */
export async function addEditor(db: PrismaClient, input: NewEditor, by: string | null = null): Promise<EditorSummary> {
  const editor = check(newEditorSchema.safeParse(input));
  if (await db.editor.findUnique({ where: { email: editor.email }, select: { id: true } })) {
    throw new EditorError(`There is already an editor with the email ${editor.email}.`);
  }
  const passwordHash = await hashPassword(editor.password);
  return db.$transaction(async (tx) => {
    const created = await tx.editor.create({
      data: { email: editor.email, name: editor.name, role: editor.role, passwordHash },
      select: summarySelect,
    });
    await recordAccountChange(tx, by, created.id, {
      action: "create",
      after: { Email: created.email, Name: created.name, Role: created.role },
      reason: by ? "Added by an admin" : "Added by the system",
    });
    return created;
  });
}

async function findByEmail(db: PrismaClient, email: string) {
  const address = check(editorEmail.safeParse(email));
  const editor = await db.editor.findUnique({ where: { email: address }, select: summarySelect });
  if (!editor) throw new EditorError(`No editor has the email ${address}.`);
  return editor;
}

const access = (disabled: boolean) => ({ Access: disabled ? "disabled" : "can sign in" });

/** Disabling takes effect at once: every session of the editor ends. */
export async function disableEditor(db: PrismaClient, email: string, by: string | null = null): Promise<EditorSummary> {
  const editor = await findByEmail(db, email);
  return db.$transaction(async (tx) => {
    const updated = await tx.editor.update({
      where: { id: editor.id },
      data: { disabledAt: editor.disabledAt ?? new Date() },
      select: summarySelect,
    });
    await tx.session.deleteMany({ where: { editorId: editor.id } });
    if (!editor.disabledAt) {
      await recordAccountChange(tx, by, editor.id, {
        action: "update",
        before: access(false),
        after: access(true),
        reason: "Disabled; their sessions ended",
      });
    }
    return updated;
  });
}

export async function enableEditor(db: PrismaClient, email: string, by: string | null = null): Promise<EditorSummary> {
  const editor = await findByEmail(db, email);
  return db.$transaction(async (tx) => {
    const updated = await tx.editor.update({
      where: { id: editor.id },
      data: { disabledAt: null },
      select: summarySelect,
    });
    if (editor.disabledAt) {
      await recordAccountChange(tx, by, editor.id, {
        action: "update",
        before: access(true),
        after: access(false),
        reason: "Enabled",
      });
    }
    return updated;
  });
}

/** A new password also ends the editor's sessions, in case the old one was known to someone else. */
export async function resetPassword(
  db: PrismaClient,
  email: string,
  password: string,
  by: string | null = null,
): Promise<EditorSummary> {
  const editor = await findByEmail(db, email);
  const passwordHash = await hashPassword(check(newPassword.safeParse(password)));
  return db.$transaction(async (tx) => {
    const updated = await tx.editor.update({ where: { id: editor.id }, data: { passwordHash }, select: summarySelect });
    await tx.session.deleteMany({ where: { editorId: editor.id } });
    await recordAccountChange(tx, by, editor.id, {
      action: "update",
      before: { Password: "the old one" },
      after: { Password: "a new one" },
      reason: "Password reset; their sessions ended",
    });
    return updated;
  });
}

/** 24 random bytes: 192 bits, far beyond guessing, and URL-safe for pasting. */
export function generatePassword(): string {
  return randomBytes(24).toString("base64url");
}

type FirstAdmin = { email: string; generatedPassword: string | null };

/**
 * On the first start there is no editor and no built-in password: the first admin comes from
 * ADMIN_EMAIL / ADMIN_PASSWORD, or gets a generated password that is shown once.
 */
export async function ensureFirstAdmin(
  db: PrismaClient,
  configured: { email?: string; password?: string },
): Promise<FirstAdmin | null> {
  if ((await db.editor.count()) > 0) return null;
  const email = configured.email ?? "admin@localhost.localdomain";
  const generatedPassword = configured.password ? null : generatePassword();
  await addEditor(db, {
    email,
    name: "Administrator",
    role: "admin",
    password: configured.password ?? generatedPassword ?? "",
  });
  return { email: email.trim().toLowerCase(), generatedPassword };
}
