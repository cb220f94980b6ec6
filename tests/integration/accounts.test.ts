import { randomBytes } from "node:crypto";
import { copyFileSync, existsSync, rmSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkedEndEditorSessions,
  checkedEndOtherSessions,
  checkedEndSession,
  checkedRenewRecoveryCodes,
  checkedTurnOnSecondFactor,
} from "@/lib/admin/checked.server";
import { ADMINS_ONLY_MESSAGE } from "@/lib/auth/guard.server";
import { recoveryCodesLeft, RECOVERY_CODE_COUNT } from "@/lib/auth/recovery-codes.server";
import {
  configuredSealingKeys,
  isSealed,
  rotateSealingKey,
  seal,
  sealedKeyId,
  sealingKeysFrom,
  sealSecretsAtStart,
  totpSecretContext,
  unseal,
} from "@/lib/auth/sealed-secrets.server";
import { acceptCode, secondFactorStatus } from "@/lib/auth/second-factor.server";
import { findSignedInEditor, openSessionsOf } from "@/lib/auth/sessions.server";
import { signInHistoryOf, SIGN_IN_HISTORY_DAYS } from "@/lib/auth/sign-in-history.server";
import { completeSignIn, SIGN_IN_REFUSED, signIn, WRONG_RECOVERY_CODE_MESSAGE } from "@/lib/auth/sign-in.server";
import { base32Decode, base32Encode, totpCode } from "@/lib/auth/totp.server";
import { createPrismaClient } from "@/lib/db/client.server";
import { ConfigurationError, parseEnv } from "@/lib/env.server";
import { TEST_TMP } from "../support/paths";
import { challengeOf, databaseWithEditors, PASSWORD, signedInEditor } from "../support/signed-in";

const { database, editors } = databaseWithEditors({
  editors: { chief: { email: "chief@example.org", name: "Chief", role: "admin" } },
});
const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
const PHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

let editorCount = 0;
const newEditor = (role: "editor" | "admin" = "editor") => {
  editorCount += 1;
  return signedInEditor(database.prisma, { email: `account${editorCount}@example.org`, name: "Account", role });
};

/**
 * Reads the key the account page shows and confirms it with the code the app showed a step ago
 * (still accepted), so that the code it shows now is left for the test to sign in with.
 */
async function turnOn(editor: { id: string; token: string }): Promise<string> {
  const now = new Date(Date.now() - 30_000);
  const status = await secondFactorStatus(database.prisma, editor.id);
  if (status.state !== "off") throw new Error(`expected it off, got ${status.state}`);
  const outcome = await checkedTurnOnSecondFactor(database.prisma, editor.token, {
    code: totpCode(status.secret, now),
  });
  expect(outcome.status).toBe("done");
  return status.secret;
}

const attempt = (email: string, address: string, userAgent = FIREFOX, password = PASSWORD) => ({
  email,
  password,
  address,
  userAgent,
});

const keysOf = (current: string, ...old: string[]) =>
  sealingKeysFrom(parseEnv({ SECRETS_KEY: current, SECRETS_OLD_KEYS: old.join(",") }))!;

describe("second-factor secrets at rest", () => {
  it("are stored sealed, never as the key the editor typed into their app", async () => {
    const editor = await newEditor();
    const secret = await turnOn(editor);
    const { totpSecret } = await database.prisma.editor.findUniqueOrThrow({ where: { id: editor.id } });
    expect(isSealed(totpSecret!)).toBe(true);
    expect(totpSecret).not.toContain(secret);
    expect(unseal(configuredSealingKeys()!, totpSecret!, totpSecretContext(editor.id))).toBe(secret);
  });

  it("in a copy of the database alone (no key) give no code that signs anyone in", async () => {
    const editor = await newEditor();
    const secret = await turnOn(editor);
    const now = new Date();
    // A dump: the SQLite file copied, or on PostgreSQL every Editor row read out.
    let rows: Record<string, unknown>[];
    if (database.file) {
      const copy = `${TEST_TMP}/dump-${randomBytes(6).toString("hex")}.db`;
      // The file and its write-ahead log, which holds the latest writes until a checkpoint.
      for (const suffix of ["", "-wal"]) {
        if (existsSync(database.file + suffix)) copyFileSync(database.file + suffix, copy + suffix);
      }
      const dump = createPrismaClient(`file:${copy}`);
      rows = await dump.editor.findMany();
      await dump.$disconnect();
      for (const suffix of ["", "-wal", "-shm"]) rmSync(copy + suffix, { force: true });
    } else {
      rows = await database.prisma.editor.findMany();
    }
    // Every text the rows hold, whole and in pieces, read as a TOTP secret in every way it could be.
    expect(rows.some((row) => row.id === editor.id && row.totpSecret)).toBe(true);
    const texts = rows.flatMap((row) =>
      Object.values(row).filter((value): value is string => typeof value === "string"),
    );
    const pieces = texts.flatMap((text) => [text, ...text.split(/[.$:,]/)]);
    const candidates = new Set<string>();
    for (const piece of pieces.filter(Boolean)) {
      candidates.add(piece.toUpperCase().replace(/[^A-Z2-7]/g, ""));
      for (const encoding of ["base64url", "base64", "hex"] as const) {
        const bytes = Buffer.from(piece, encoding);
        if (bytes.length > 0) candidates.add(base32Encode(bytes));
      }
    }
    candidates.delete("");
    expect(candidates.size).toBeGreaterThan(50);
    expect(candidates.has(secret)).toBe(false);
    for (const candidate of candidates) {
      if (base32Decode(candidate).length === 0) continue;
      const code = totpCode(candidate, now);
      if (code === totpCode(secret, now)) continue; // one chance in a million: not the dump's doing
      for (const row of rows) expect(await acceptCode(database.prisma, String(row.id), code, now)).toBe(false);
    }
    // The app itself, with the key, still accepts the editor's real code.
    expect(await acceptCode(database.prisma, editor.id, totpCode(secret, now), now)).toBe(true);
  });

  it("are refused when the key is wrong: no code of theirs is accepted, and nothing crashes", async () => {
    const editor = await newEditor();
    const secret = await turnOn(editor);
    const elsewhere = seal(keysOf(randomBytes(32).toString("base64")), secret, totpSecretContext(editor.id));
    await database.prisma.editor.update({ where: { id: editor.id }, data: { totpSecret: elsewhere } });
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      expect(await acceptCode(database.prisma, editor.id, totpCode(secret, new Date()))).toBe(false);
    } finally {
      console.error = original;
    }
    expect(String(errors[0])).toMatch(/does not open: .*neither SECRETS_KEY nor in SECRETS_OLD_KEYS/);
    await database.prisma.editor.update({ where: { id: editor.id }, data: { totpSecret: null, totpEnabledAt: null } });
  });

  it("stop the start without a key, or with a key that did not seal them, saying what to do", async () => {
    const editor = await newEditor();
    await turnOn(editor);
    await expect(sealSecretsAtStart(database.prisma, null)).rejects.toThrow(ConfigurationError);
    await expect(sealSecretsAtStart(database.prisma, null)).rejects.toThrow(
      /a second factor on, and SECRETS_KEY is not set/,
    );
    await expect(sealSecretsAtStart(database.prisma, keysOf(randomBytes(32).toString("base64")))).rejects.toThrow(
      /neither SECRETS_KEY nor in SECRETS_OLD_KEYS/,
    );
    await expect(sealSecretsAtStart(database.prisma, configuredSealingKeys())).resolves.toEqual({ sealed: 0 });
  });

  it("left half-way through a set-up, which no key opens, are dropped at the start instead of stopping it", async () => {
    const editor = await newEditor();
    const unopenable = seal(
      keysOf(randomBytes(32).toString("base64")),
      "JBSWY3DPEHPK3PXP",
      totpSecretContext(editor.id),
    );
    await database.prisma.editor.update({ where: { id: editor.id }, data: { totpSecret: unopenable } });
    await sealSecretsAtStart(database.prisma, configuredSealingKeys());
    const { totpSecret } = await database.prisma.editor.findUniqueOrThrow({ where: { id: editor.id } });
    expect(totpSecret).toBeNull();
    expect((await secondFactorStatus(database.prisma, editor.id)).state).toBe("off");
  });

  it("stored as they are, from before sealing, are sealed at the first start with the key", async () => {
    const editor = await newEditor();
    const secret = await turnOn(editor);
    await database.prisma.editor.update({ where: { id: editor.id }, data: { totpSecret: secret } });
    await expect(sealSecretsAtStart(database.prisma, null)).rejects.toThrow(
      /a second factor on, and SECRETS_KEY is not set/,
    );
    const { sealed } = await sealSecretsAtStart(database.prisma, configuredSealingKeys());
    expect(sealed).toBe(1);
    const { totpSecret } = await database.prisma.editor.findUniqueOrThrow({ where: { id: editor.id } });
    expect(isSealed(totpSecret!)).toBe(true);
    expect(await acceptCode(database.prisma, editor.id, totpCode(secret, new Date()))).toBe(true);
  });

  it("are sealed again under a new key by a rotation, and the old key can then go", async () => {
    const editor = await newEditor();
    const secret = await turnOn(editor);
    const current = configuredSealingKeys()!;
    const oldKey = process.env.SECRETS_KEY!;
    const newKey = randomBytes(32).toString("base64");
    const rotated = keysOf(newKey, oldKey);
    // With the new key alone, the start refuses; with the old one beside it, it goes on.
    await expect(sealSecretsAtStart(database.prisma, keysOf(newKey))).rejects.toThrow(/SECRETS_OLD_KEYS/);
    await expect(sealSecretsAtStart(database.prisma, rotated)).resolves.toEqual({ sealed: 0 });

    const { resealed } = await rotateSealingKey(database.prisma, rotated);
    expect(resealed).toBeGreaterThanOrEqual(1);
    const rows = await database.prisma.editor.findMany({ where: { totpSecret: { not: null } } });
    for (const row of rows) expect(sealedKeyId(row.totpSecret!)).toBe(rotated.current.id);
    await expect(sealSecretsAtStart(database.prisma, keysOf(newKey))).resolves.toEqual({ sealed: 0 });
    expect((await rotateSealingKey(database.prisma, rotated)).resealed).toBe(0);
    const mine = rows.find((row) => row.id === editor.id)!;
    expect(unseal(keysOf(newKey), mine.totpSecret!, totpSecretContext(editor.id))).toBe(secret);

    // Back under the test's key, for the tests after this one.
    await rotateSealingKey(database.prisma, keysOf(oldKey, newKey));
    expect(configuredSealingKeys()!.current.id).toBe(current.current.id);
  });
});

describe("recovery codes", () => {
  it("are ten, shown once, each signs in once; the second use of one is refused", async () => {
    const editor = await newEditor();
    await turnOn(editor);
    const made = await checkedRenewRecoveryCodes(database.prisma, editor.token, {});
    if (made.status !== "done") throw new Error(made.message);
    expect(new Set(made.codes).size).toBe(RECOVERY_CODE_COUNT);
    const stored = await database.prisma.recoveryCode.findMany({ where: { editorId: editor.id } });
    expect(stored).toHaveLength(RECOVERY_CODE_COUNT);
    for (const row of stored) for (const code of made.codes) expect(row.codeHash).not.toContain(code);

    const code = made.codes[3]!;
    const first = await completeSignIn(database.prisma, {
      challenge: challengeOf(await signIn(database.prisma, attempt(editor.email, "203.0.113.5"))),
      code: ` ${code.toUpperCase().replace("-", " ")} `,
      recovery: true,
      address: "203.0.113.5",
      userAgent: PHONE,
    });
    expect(first.ok).toBe(true);
    expect(await recoveryCodesLeft(database.prisma, editor.id)).toEqual({ left: RECOVERY_CODE_COUNT - 1, made: true });

    const second = await completeSignIn(database.prisma, {
      challenge: challengeOf(await signIn(database.prisma, attempt(editor.email, "203.0.113.5"))),
      code,
      recovery: true,
      address: "203.0.113.5",
      userAgent: PHONE,
    });
    expect(second).toEqual({ ok: false, message: WRONG_RECOVERY_CODE_MESSAGE, restart: false });
    const history = await signInHistoryOf(database.prisma, editor.id);
    expect(history.slice(0, 2).map(({ step, outcome }) => [step, outcome])).toEqual([
      ["recovery code", "failure"],
      ["recovery code", "success"],
    ]);

    // New codes replace the old ones.
    const renewed = await checkedRenewRecoveryCodes(database.prisma, editor.token, {});
    if (renewed.status !== "done") throw new Error(renewed.message);
    const old = await completeSignIn(database.prisma, {
      challenge: challengeOf(await signIn(database.prisma, attempt(editor.email, "203.0.113.5"))),
      code: made.codes[0]!,
      recovery: true,
      address: "203.0.113.5",
      userAgent: PHONE,
    });
    expect(old.ok).toBe(false);
  });

  it("work once even when two requests race with the same code", async () => {
    const editor = await newEditor();
    await turnOn(editor);
    const made = await checkedRenewRecoveryCodes(database.prisma, editor.token, {});
    if (made.status !== "done") throw new Error(made.message);
    const challenges = [
      challengeOf(await signIn(database.prisma, attempt(editor.email, "203.0.113.6"))),
      challengeOf(await signIn(database.prisma, attempt(editor.email, "203.0.113.7"))),
    ];
    const results = await Promise.all(
      challenges.map((challenge) =>
        completeSignIn(database.prisma, {
          challenge,
          code: made.codes[0]!,
          recovery: true,
          address: null,
          userAgent: null,
        }),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
  });

  it("are made only with a second factor on", async () => {
    const editor = await newEditor();
    expect(await checkedRenewRecoveryCodes(database.prisma, editor.token, {})).toMatchObject({
      status: "refused",
      message: expect.stringMatching(/Turn on your second factor first/),
    });
  });

  it("refuse whatever else is typed, with a message and never a crash", async () => {
    const editor = await newEditor();
    await turnOn(editor);
    await checkedRenewRecoveryCodes(database.prisma, editor.token, {});
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }), async (typed) => {
        const challenge = challengeOf(await signIn(database.prisma, attempt(editor.email, "203.0.113.8")));
        const result = await completeSignIn(database.prisma, {
          challenge,
          code: typed,
          recovery: true,
          address: null,
          userAgent: null,
        });
        expect(result.ok).toBe(false);
        await database.prisma.loginThrottle.deleteMany();
      }),
      { numRuns: 15 },
    );
  });
});

describe("sessions an editor can see and end", () => {
  it("list each device and address, mark this one, and end one or all the others", async () => {
    const editor = await newEditor();
    const laptop = await signIn(database.prisma, attempt(editor.email, "198.51.100.20"));
    const phone = await signIn(database.prisma, attempt(editor.email, "198.51.100.21", PHONE));
    if (!laptop.ok || !phone.ok) throw new Error("sign-in failed");
    const here = (await findSignedInEditor(database.prisma, laptop.token))!;
    const sessions = await openSessionsOf(database.prisma, editor.id);
    expect(sessions.map(({ device, address }) => [device, address])).toEqual(
      expect.arrayContaining([
        ["Firefox on Linux", "198.51.100.20"],
        ["Safari on iPhone", "198.51.100.21"],
      ]),
    );
    const phoneSession = sessions.find((session) => session.device === "Safari on iPhone")!;

    // Another editor cannot end it; its owner can, and the phone is signed out at its next request.
    const other = await newEditor();
    expect(await checkedEndSession(database.prisma, other.token, { session: phoneSession.id })).toMatchObject({
      status: "refused",
    });
    expect(await findSignedInEditor(database.prisma, phone.token)).not.toBeNull();
    expect(await checkedEndSession(database.prisma, laptop.token, { session: phoneSession.id })).toMatchObject({
      status: "done",
    });
    expect(await findSignedInEditor(database.prisma, phone.token)).toBeNull();
    expect(await checkedEndSession(database.prisma, laptop.token, { session: here.sessionId })).toMatchObject({
      status: "refused",
      message: expect.stringMatching(/this device/),
    });
    expect(await checkedEndSession(database.prisma, laptop.token, { session: "../../etc" })).toMatchObject({
      status: "refused",
    });

    expect(await checkedEndOtherSessions(database.prisma, laptop.token, {})).toMatchObject({
      status: "done",
      message: "Signed out everywhere else: 1 other session ended.",
    });
    expect(await findSignedInEditor(database.prisma, editor.token)).toBeNull();
    expect(await findSignedInEditor(database.prisma, laptop.token)).not.toBeNull();
  });

  it("note when they were last seen at most once a minute", async () => {
    const editor = await newEditor();
    const start = new Date();
    const result = await signIn(database.prisma, attempt(editor.email, "198.51.100.22"), start);
    if (!result.ok) throw new Error(result.message);
    const lastSeen = async () =>
      (await openSessionsOf(database.prisma, editor.id, start)).find((s) => s.address)!.lastActiveAt;
    await findSignedInEditor(database.prisma, result.token, new Date(start.getTime() + 30_000));
    expect(await lastSeen()).toEqual(start);
    const later = new Date(start.getTime() + 90_000);
    await findSignedInEditor(database.prisma, result.token, later);
    expect(await lastSeen()).toEqual(later);
  });

  it("all end when an admin ends every session of an editor; only an admin can", async () => {
    const editor = await newEditor();
    const second = await signIn(database.prisma, attempt(editor.email, "198.51.100.23"));
    if (!second.ok) throw new Error(second.message);
    const other = await newEditor();
    expect(await checkedEndEditorSessions(database.prisma, other.token, { email: editor.email })).toEqual({
      status: "refused",
      message: ADMINS_ONLY_MESSAGE,
    });
    expect(await checkedEndEditorSessions(database.prisma, editors.chief.token, { email: editor.email })).toEqual({
      status: "done",
      message: `${editor.email} is signed out everywhere: 2 sessions ended.`,
    });
    expect(await findSignedInEditor(database.prisma, editor.token)).toBeNull();
    expect(await findSignedInEditor(database.prisma, second.token)).toBeNull();
    expect(await checkedEndEditorSessions(database.prisma, editors.chief.token, { email: "nobody" })).toMatchObject({
      status: "refused",
    });
    const revision = await database.prisma.revision.findFirst({
      where: { recordType: "editor", recordId: editor.id, reason: "Every session ended by an admin" },
    });
    expect(revision?.editorId).toBe(editors.chief.id);
  });
});

describe("the sign-in history", () => {
  it("keeps failures and successes with their step, address and device, and says nothing of unknown emails", async () => {
    const editor = await newEditor();
    const wrong = await signIn(database.prisma, attempt(editor.email, "192.0.2.10", FIREFOX, "not the password!"));
    const unknown = await signIn(
      database.prisma,
      attempt("nobody@example.org", "192.0.2.10", FIREFOX, "not the password!"),
    );
    expect(wrong).toEqual({ ok: false, message: SIGN_IN_REFUSED });
    expect(unknown).toEqual(wrong);
    expect((await signIn(database.prisma, attempt(editor.email, "192.0.2.11", PHONE))).ok).toBe(true);
    const history = await signInHistoryOf(database.prisma, editor.id);
    expect(history.map(({ step, outcome, address, device }) => ({ step, outcome, address, device }))).toEqual([
      { step: "password", outcome: "success", address: "192.0.2.11", device: "Safari on iPhone" },
      { step: "password", outcome: "failure", address: "192.0.2.10", device: "Firefox on Linux" },
    ]);
  });

  it("records a wrong authenticator code at the second-factor step", async () => {
    const editor = await newEditor();
    await turnOn(editor);
    const challenge = challengeOf(await signIn(database.prisma, attempt(editor.email, "192.0.2.12")));
    await completeSignIn(database.prisma, { challenge, code: "000000", address: "192.0.2.12", userAgent: FIREFOX });
    const [latest] = await signInHistoryOf(database.prisma, editor.id);
    expect(latest).toMatchObject({ step: "second factor", outcome: "failure", address: "192.0.2.12" });
  });

  it("forgets attempts older than 90 days", async () => {
    const editor = await newEditor();
    const now = new Date();
    const day = 24 * 60 * 60 * 1000;
    await database.prisma.signInAttempt.createMany({
      data: [SIGN_IN_HISTORY_DAYS + 1, SIGN_IN_HISTORY_DAYS - 1].map((days) => ({
        editorId: editor.id,
        at: new Date(now.getTime() - days * day),
        step: "password",
        outcome: "failure",
      })),
    });
    expect(await signInHistoryOf(database.prisma, editor.id, { now })).toHaveLength(1);
    await signIn(database.prisma, attempt(editor.email, "192.0.2.13"), now);
    const kept = await database.prisma.signInAttempt.findMany({
      where: { editorId: editor.id },
      orderBy: { at: "asc" },
    });
    expect(kept.map((row) => Math.round((now.getTime() - row.at.getTime()) / day))).toEqual([
      SIGN_IN_HISTORY_DAYS - 1,
      0,
    ]);
  });
});
