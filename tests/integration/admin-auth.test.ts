import { describe, expect, it } from "vitest";
import { addEditor, disableEditor, ensureFirstAdmin, resetPassword } from "@/lib/auth/editors.server";
import { createFirstAdminIfNone } from "@/lib/auth/first-admin.server";
import { PASSWORD_HASH_OPTIONS } from "@/lib/auth/password.server";
import {
  createSession,
  NO_CLIENT,
  endSession,
  findSignedInEditor,
  SESSION_ABSOLUTE_LIFETIME_MS,
  SESSION_IDLE_TIMEOUT_MS,
  sessionIdOf,
} from "@/lib/auth/sessions.server";
import { signIn, SIGN_IN_REFUSED } from "@/lib/auth/sign-in.server";
import { FREE_FAILURES, MAX_LOCK_MS, recordFailure } from "@/lib/auth/throttle";
import { parseEnv } from "@/lib/env.server";
import { createTestDatabase } from "../support/database";
import { databaseWithEditors, PASSWORD } from "../support/signed-in";

const { database } = databaseWithEditors({
  editors: {
    editor: { email: "Editor@Example.org", name: "Ed Itor", role: "editor" },
    victim: { email: "victim@example.org", name: "Vic Tim", role: "editor" },
  },
});

const attempt = (email: string, password: string, address = "192.0.2.1") => ({
  email,
  password,
  address,
  userAgent: "vitest",
});

describe("passwords", () => {
  it("are stored as argon2id with at least 19 MiB of memory and 2 iterations, never in the clear", async () => {
    const editor = await database.prisma.editor.findUniqueOrThrow({ where: { email: "editor@example.org" } });
    expect(editor.passwordHash).not.toContain(PASSWORD);
    const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(editor.passwordHash);
    expect(match).not.toBeNull();
    expect(Number(match?.[1])).toBeGreaterThanOrEqual(19 * 1024);
    expect(Number(match?.[2])).toBeGreaterThanOrEqual(2);
    expect(PASSWORD_HASH_OPTIONS.memoryCost).toBe(19456);
  });

  it("refuses a short password for a new editor", async () => {
    await expect(
      addEditor(database.prisma, { email: "short@example.org", name: "S", role: "editor", password: "short" }),
    ).rejects.toThrow(/at least 12 characters/);
  });
});

describe("signing in", () => {
  it("opens a session whose cookie token is stored only as its SHA-256", async () => {
    const result = await signIn(database.prisma, attempt("editor@example.org", PASSWORD));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await database.prisma.session.findUnique({ where: { id: result.token } })).toBeNull();
    const stored = await database.prisma.session.findUniqueOrThrow({ where: { id: sessionIdOf(result.token) } });
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(SESSION_ABSOLUTE_LIFETIME_MS);
    expect((await findSignedInEditor(database.prisma, result.token))?.email).toBe("editor@example.org");
  });

  it("matches the email whatever its case and spacing", async () => {
    expect((await signIn(database.prisma, attempt("  EDITOR@example.org ", PASSWORD))).ok).toBe(true);
  });

  it("gives a new session at every sign-in, and sign-out ends it on the server", async () => {
    const first = await signIn(database.prisma, attempt("editor@example.org", PASSWORD));
    const second = await signIn(database.prisma, attempt("editor@example.org", PASSWORD));
    if (!first.ok || !second.ok) throw new Error("sign-in failed");
    expect(first.token).not.toBe(second.token);
    await endSession(database.prisma, second.token);
    expect(await findSignedInEditor(database.prisma, second.token)).toBeNull();
    expect(await database.prisma.session.findUnique({ where: { id: sessionIdOf(second.token) } })).toBeNull();
    expect(await findSignedInEditor(database.prisma, first.token)).not.toBeNull();
  });

  it("says the same for an unknown email and a wrong password", async () => {
    const unknown = await signIn(database.prisma, attempt("nobody@example.org", PASSWORD, "192.0.2.50"));
    const wrong = await signIn(database.prisma, attempt("editor@example.org", "wrong password!!", "192.0.2.51"));
    expect(unknown).toEqual({ ok: false, message: SIGN_IN_REFUSED });
    expect(wrong).toEqual({ ok: false, message: SIGN_IN_REFUSED });
  });
});

describe("sessions", () => {
  it("end after the idle timeout", async () => {
    const start = new Date("2030-01-01T09:00:00Z");
    const { token } = await createSession(database.prisma, await editorId("editor@example.org"), NO_CLIENT, start);
    const stillActive = new Date(start.getTime() + SESSION_IDLE_TIMEOUT_MS - 1000);
    expect(await findSignedInEditor(database.prisma, token, stillActive)).not.toBeNull();
    const idle = new Date(stillActive.getTime() + SESSION_IDLE_TIMEOUT_MS + 1000);
    expect(await findSignedInEditor(database.prisma, token, idle)).toBeNull();
    expect(await database.prisma.session.count({ where: { id: sessionIdOf(token) } })).toBe(0);
  });

  it("end at their absolute lifetime even when in constant use", async () => {
    const start = new Date("2030-02-01T09:00:00Z");
    const { token } = await createSession(database.prisma, await editorId("editor@example.org"), NO_CLIENT, start);
    let now = start.getTime();
    while (now + SESSION_IDLE_TIMEOUT_MS / 2 < start.getTime() + SESSION_ABSOLUTE_LIFETIME_MS) {
      now += SESSION_IDLE_TIMEOUT_MS / 2;
      expect(await findSignedInEditor(database.prisma, token, new Date(now))).not.toBeNull();
    }
    expect(
      await findSignedInEditor(database.prisma, token, new Date(start.getTime() + SESSION_ABSOLUTE_LIFETIME_MS)),
    ).toBeNull();
  });

  it("refuse a made-up token", async () => {
    expect(await findSignedInEditor(database.prisma, "not-a-real-token")).toBeNull();
    expect(await findSignedInEditor(database.prisma, "")).toBeNull();
    expect(await findSignedInEditor(database.prisma, undefined)).toBeNull();
  });

  it("all end at once when the editor is disabled, and the editor cannot sign in again", async () => {
    await addEditor(database.prisma, {
      email: "leaver@example.org",
      name: "Lee Ver",
      role: "editor",
      password: PASSWORD,
    });
    const one = await signIn(database.prisma, attempt("leaver@example.org", PASSWORD, "192.0.2.60"));
    const two = await signIn(database.prisma, attempt("leaver@example.org", PASSWORD, "192.0.2.60"));
    if (!one.ok || !two.ok) throw new Error("sign-in failed");
    await disableEditor(database.prisma, "leaver@example.org");
    expect(await findSignedInEditor(database.prisma, one.token)).toBeNull();
    expect(await findSignedInEditor(database.prisma, two.token)).toBeNull();
    expect(await database.prisma.session.count({ where: { editorId: await editorId("leaver@example.org") } })).toBe(0);
    expect(await signIn(database.prisma, attempt("leaver@example.org", PASSWORD, "192.0.2.60"))).toEqual({
      ok: false,
      message: SIGN_IN_REFUSED,
    });
  });

  it("all end when the password is reset", async () => {
    await addEditor(database.prisma, {
      email: "reset@example.org",
      name: "Re Set",
      role: "editor",
      password: PASSWORD,
    });
    const session = await signIn(database.prisma, attempt("reset@example.org", PASSWORD, "192.0.2.61"));
    if (!session.ok) throw new Error("sign-in failed");
    await resetPassword(database.prisma, "reset@example.org", "a brand new password");
    expect(await findSignedInEditor(database.prisma, session.token)).toBeNull();
    expect((await signIn(database.prisma, attempt("reset@example.org", PASSWORD, "192.0.2.61"))).ok).toBe(false);
    expect((await signIn(database.prisma, attempt("reset@example.org", "a brand new password", "192.0.2.61"))).ok).toBe(
      true,
    );
  });
});

describe("throttling", () => {
  it("locks an account after 5 failures, even for the right password, then lets it in after the lock", async () => {
    const start = new Date("2031-01-01T10:00:00Z").getTime();
    for (let failure = 1; failure <= FREE_FAILURES; failure += 1) {
      // A new address each time: the account's own count must stop this.
      const result = await signIn(
        database.prisma,
        attempt("victim@example.org", "guess " + failure, `198.51.100.${failure}`),
        new Date(start + failure),
      );
      expect(result.ok).toBe(false);
    }
    const locked = await signIn(
      database.prisma,
      attempt("victim@example.org", PASSWORD, "198.51.100.99"),
      new Date(start + 1000),
    );
    expect(locked).toEqual({
      ok: false,
      message: expect.stringMatching(/^Too many failed attempts\. Try again in \d+ minutes?\.$/),
    });
    const later = await signIn(
      database.prisma,
      attempt("victim@example.org", PASSWORD, "198.51.100.99"),
      new Date(start + MAX_LOCK_MS),
    );
    expect(later.ok).toBe(true);
  });

  it("locks longer with each further failure, up to a limit", async () => {
    const start = new Date("2031-02-01T10:00:00Z").getTime();
    let now = start;
    const lockAfter = async () => {
      const row = await database.prisma.loginThrottle.findUniqueOrThrow({ where: { key: "account:slow@example.org" } });
      return (row.lockedUntil?.getTime() ?? now) - now;
    };
    const locks: number[] = [];
    for (let failure = 1; failure <= FREE_FAILURES + 6; failure += 1) {
      await signIn(database.prisma, attempt("slow@example.org", "guess", `203.0.113.${failure}`), new Date(now));
      locks.push(await lockAfter());
      now += Math.max(await lockAfter(), 0) + 1;
    }
    expect(locks.slice(0, FREE_FAILURES - 1)).toEqual([0, 0, 0, 0]);
    expect(locks[FREE_FAILURES]).toBeGreaterThan(locks[FREE_FAILURES - 1] ?? 0);
    expect(Math.max(...locks)).toBe(MAX_LOCK_MS);
  });

  it("locks an address that tries many accounts, with the same message for unknown ones", async () => {
    const now = new Date("2031-03-01T10:00:00Z");
    for (let guess = 1; guess <= FREE_FAILURES; guess += 1) {
      await signIn(database.prisma, attempt(`guess${guess}@example.org`, "guess", "203.0.113.200"), now);
    }
    const fromThatAddress = await signIn(
      database.prisma,
      attempt("editor@example.org", PASSWORD, "203.0.113.200"),
      now,
    );
    expect(fromThatAddress).toEqual({ ok: false, message: expect.stringMatching(/^Too many failed attempts/) });
    const fromElsewhere = await signIn(database.prisma, attempt("editor@example.org", PASSWORD, "203.0.113.201"), now);
    expect(fromElsewhere.ok).toBe(true);
  });
});

describe("failed sign-ins counted at the same moment", () => {
  it("are all counted: guessing in parallel does not slip under the limit", async () => {
    const keys = ["account:parallel@example.org", "address:198.51.100.7"];
    const now = new Date();
    await Promise.all(Array.from({ length: 20 }, () => recordFailure(database.prisma, keys, now)));
    const rows = await database.prisma.loginThrottle.findMany({
      where: { key: { in: keys } },
      orderBy: { key: "asc" },
    });
    expect(rows.map((row) => [row.key, row.failures])).toEqual([
      ["account:parallel@example.org", 20],
      ["address:198.51.100.7", 20],
    ]);
  });
});

describe("the first admin", () => {
  it("is created from ADMIN_EMAIL and ADMIN_PASSWORD only when there is no editor", async () => {
    const empty = await createTestDatabase();
    try {
      const created = await ensureFirstAdmin(empty.prisma, { email: "Chief@Example.org", password: PASSWORD });
      expect(created).toEqual({ email: "chief@example.org", generatedPassword: null });
      const admin = await empty.prisma.editor.findUniqueOrThrow({ where: { email: "chief@example.org" } });
      expect(admin.role).toBe("admin");
      expect((await signIn(empty.prisma, attempt("chief@example.org", PASSWORD))).ok).toBe(true);
      expect(await ensureFirstAdmin(empty.prisma, { email: "other@example.org", password: PASSWORD })).toBeNull();
      expect(await empty.prisma.editor.count()).toBe(1);
    } finally {
      await empty.destroy();
    }
  });

  it("gets a long generated password when none is configured", async () => {
    const empty = await createTestDatabase();
    try {
      const created = await ensureFirstAdmin(empty.prisma, {});
      expect(created?.generatedPassword?.length).toBeGreaterThanOrEqual(32);
      const result = await signIn(empty.prisma, attempt(created?.email ?? "", created?.generatedPassword ?? ""));
      expect(result.ok).toBe(true);
    } finally {
      await empty.destroy();
    }
  });

  it("is created once when several instances start at the same moment", async () => {
    const empty = await createTestDatabase();
    try {
      const config = parseEnv({ DATABASE_URL: empty.url, ADMIN_EMAIL: "chief@example.org", ADMIN_PASSWORD: PASSWORD });
      const messages = await Promise.all([1, 2, 3].map(() => createFirstAdminIfNone(config)));
      expect(messages.filter((message) => message !== null)).toHaveLength(1);
      expect(await empty.prisma.editor.count()).toBe(1);
    } finally {
      await empty.destroy();
    }
  });
});

async function editorId(email: string): Promise<string> {
  return (await database.prisma.editor.findUniqueOrThrow({ where: { email } })).id;
}
