import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/db/client.server";
import { recordAccountChange } from "./account-history";
import { deviceOf } from "./device";

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

/** Where a request came from: its address as the app's server decided it, and its browser. */
export type Client = { address: string | null; userAgent: string | null };

/** A session opened without a request, as from a script or a test. */
export const NO_CLIENT: Client = { address: null, userAgent: null };

export async function createSession(
  db: PrismaClient,
  editorId: string,
  { address, userAgent }: Client,
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
      device: deviceOf(userAgent),
      address,
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

export type OpenSession = {
  id: string;
  device: string | null;
  address: string | null;
  createdAt: Date;
  lastActiveAt: Date;
};

/**
 * An editor's sessions still open, the most recently seen first. "Last seen" is as fine as a
 * minute: findSignedInEditor writes it at most once a minute per session.
 */
export function openSessionsOf(db: PrismaClient, editorId: string, now = new Date()): Promise<OpenSession[]> {
  return db.session.findMany({
    where: {
      editorId,
      expiresAt: { gt: now },
      lastActiveAt: { gt: new Date(now.getTime() - SESSION_IDLE_TIMEOUT_MS) },
    },
    orderBy: [{ lastActiveAt: "desc" }, { createdAt: "desc" }],
    select: { id: true, device: true, address: true, createdAt: true, lastActiveAt: true },
  });
}

export type SessionsOutcome = { status: "done"; message: string } | { status: "refused"; message: string };

/**
 * An editor ends one of their own sessions, on another device: it is signed out at its next
 * request. Only their own: the id of someone else's session ends nothing.
 */
export async function endOwnSession(
  db: PrismaClient,
  editor: SignedInEditor,
  sessionId: string,
): Promise<SessionsOutcome> {
  if (sessionId === editor.sessionId) {
    return { status: "refused", message: "That is this device: to end this session, sign out." };
  }
  const { count } = await db.session.deleteMany({ where: { id: sessionId, editorId: editor.id } });
  return count === 1
    ? { status: "done", message: "That session has ended: the device is signed out at its next request." }
    : { status: "refused", message: "That session had already ended." };
}

/** "Sign out everywhere else": every session of the editor but this one ends. */
export async function endOtherSessions(db: PrismaClient, editor: SignedInEditor): Promise<SessionsOutcome> {
  const { count } = await db.session.deleteMany({ where: { editorId: editor.id, id: { not: editor.sessionId } } });
  return {
    status: "done",
    message:
      count === 0
        ? "You were signed in nowhere else."
        : `Signed out everywhere else: ${count} other session${count === 1 ? "" : "s"} ended.`,
  };
}

/** An admin ends every session of another editor (a lost laptop, a password seen): recorded in the history. */
export async function endEverySessionOf(
  db: PrismaClient,
  admin: SignedInEditor,
  email: string,
): Promise<SessionsOutcome> {
  const editor = await db.editor.findUnique({ where: { email }, select: { id: true, email: true } });
  if (!editor) return { status: "refused", message: `No editor has the email ${email}.` };
  if (editor.id === admin.id) {
    return {
      status: "refused",
      message: "To end your own other sessions, use “Sign out everywhere else” on your account page.",
    };
  }
  const count = await db.$transaction(async (tx) => {
    const ended = await tx.session.deleteMany({ where: { editorId: editor.id } });
    await recordAccountChange(tx, admin.id, editor.id, {
      action: "update",
      before: { Sessions: `${ended.count} open` },
      after: { Sessions: "none" },
      reason: "Every session ended by an admin",
    });
    return ended.count;
  });
  return {
    status: "done",
    message: `${editor.email} is signed out everywhere: ${count} session${count === 1 ? "" : "s"} ended.`,
  };
}
