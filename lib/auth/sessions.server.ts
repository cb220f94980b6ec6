import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/db/client.server";

/** A session ends after this long without a request... */
export const SESSION_IDLE_TIMEOUT_MS = 2 * 60 * 60 * 1000;
/** ...and in any case this long after sign-in. */
export const SESSION_ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** Recording every request's time would write to the database on every page view. */
const ACTIVITY_RESOLUTION_MS = 60 * 1000;

export const SESSION_COOKIE = "venetic_session";

export type Role = "editor" | "admin";

/** Who is signed in: only what the admin needs, never the password hash or a secret. */
export type SignedInEditor = {
  id: string;
  email: string;
  name: string;
  role: Role;
  sessionId: string;
  /**
   * An admin requires a second factor that the editor has not set up (neither an authenticator
   * app nor a passkey): set-up is all they may do.
   */
  mustSetUpSecondFactor: boolean;
};

/**
 * The cookie carries a random 256-bit token; the database keeps only its SHA-256, so a copy
 * of the database (or a backup) cannot be replayed as a cookie.
 */
export function sessionIdOf(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function createSession(
  db: PrismaClient,
  editorId: string,
  userAgent: string | null,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_LIFETIME_MS);
  await db.session.create({
    data: {
      id: sessionIdOf(token),
      editorId,
      createdAt: now,
      lastActiveAt: now,
      expiresAt,
      userAgent: userAgent?.slice(0, 300) ?? null,
    },
  });
  return { token, expiresAt };
}

/**
 * The editor a session token belongs to, or null when there is no such session, it has been
 * idle too long, it is past its lifetime, or the editor has been disabled. Dead sessions are
 * deleted on the way.
 */
export async function findSignedInEditor(
  db: PrismaClient,
  token: string | undefined | null,
  now = new Date(),
): Promise<SignedInEditor | null> {
  if (!token) return null;
  const id = sessionIdOf(token);
  const session = await db.session.findUnique({
    where: { id },
    select: {
      lastActiveAt: true,
      expiresAt: true,
      editor: {
        select: {
          id: true,
          email: true,
          name: true,
          role: true,
          disabledAt: true,
          totpRequired: true,
          totpEnabledAt: true,
          _count: { select: { passkeys: true } },
        },
      },
    },
  });
  if (!session) return null;
  const idle = now.getTime() - session.lastActiveAt.getTime() > SESSION_IDLE_TIMEOUT_MS;
  if (idle || session.expiresAt <= now || session.editor.disabledAt) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  if (now.getTime() - session.lastActiveAt.getTime() > ACTIVITY_RESOLUTION_MS) {
    await db.session.updateMany({ where: { id }, data: { lastActiveAt: now } });
  }
  const { editor } = session;
  return {
    id: editor.id,
    email: editor.email,
    name: editor.name,
    role: editor.role === "admin" ? "admin" : "editor",
    sessionId: id,
    mustSetUpSecondFactor: editor.totpRequired && !editor.totpEnabledAt && editor._count.passkeys === 0,
  };
}

export async function endSession(db: PrismaClient, token: string | undefined | null): Promise<void> {
  if (!token) return;
  await db.session.deleteMany({ where: { id: sessionIdOf(token) } });
}

export async function endSessionsOf(db: PrismaClient, editorId: string): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { editorId } });
  return count;
}
