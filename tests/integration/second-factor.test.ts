import { describe, expect, it } from "vitest";
import {
  checkedRequireSecondFactor,
  checkedResetSecondFactor,
  checkedSaveRecord,
  checkedTurnOffSecondFactor,
  checkedTurnOnSecondFactor,
} from "@/lib/admin/checked.server";
import { ADMINS_ONLY_MESSAGE, SET_UP_FIRST_MESSAGE } from "@/lib/auth/guard.server";
import { resetSecondFactor, secondFactorStatus } from "@/lib/auth/second-factor.server";
import { createSession, findSignedInEditor, sessionIdOf } from "@/lib/auth/sessions.server";
import {
  CHALLENGE_ENDED,
  CHALLENGE_LIFETIME_MS,
  CHALLENGE_MAX_FAILURES,
  completeSignIn,
  signIn,
} from "@/lib/auth/sign-in.server";
import { totpCode } from "@/lib/auth/totp.server";
import { challengeOf, databaseWithEditors, PASSWORD, signedInEditor } from "../support/signed-in";

const { database, editors } = databaseWithEditors({
  editors: { chief: { email: "chief@example.org", name: "Chief", role: "admin" } },
});
const STEP_MS = 30_000;

/** A new editor with a session, as after signing in with the password alone. */
const newEditor = (email: string) =>
  signedInEditor(database.prisma, { email, name: email.split("@")[0] ?? email, role: "editor" });

/** Reads the secret the account page shows, and confirms it with the code an app would show. */
async function turnOn(editor: { id: string; token: string }): Promise<string> {
  const status = await secondFactorStatus(database.prisma, editor.id);
  if (status.state !== "off") throw new Error("already on");
  const outcome = await checkedTurnOnSecondFactor(database.prisma, editor.token, {
    code: totpCode(status.secret, new Date()),
  });
  expect(outcome.status).toBe("done");
  return status.secret;
}

const attempt = (email: string, password = PASSWORD, address = "198.51.100.1") => ({
  email,
  password,
  address,
  userAgent: "vitest",
});

/** The history's entries for changes to an editor's account after it was added. */
async function editorRevisions(editorId: string) {
  return database.prisma.revision.findMany({
    where: { recordType: "editor", recordId: editorId, action: "update" },
    orderBy: { id: "asc" },
  });
}

describe("turning the second factor on", () => {
  it("shows the same secret on every visit until it is confirmed", async () => {
    const editor = await newEditor("steady@example.org");
    const first = await secondFactorStatus(database.prisma, editor.id);
    const second = await secondFactorStatus(database.prisma, editor.id);
    expect(first.state).toBe("off");
    expect(first).toEqual(second);
  });

  it("is refused with a wrong code, and the editor still signs in with the password alone", async () => {
    const editor = await newEditor("typo@example.org");
    const status = await secondFactorStatus(database.prisma, editor.id);
    if (status.state !== "off") throw new Error("already on");
    const wrong = String((Number(totpCode(status.secret, new Date())) + 500_000) % 1_000_000).padStart(6, "0");
    const outcome = await checkedTurnOnSecondFactor(database.prisma, editor.token, { code: wrong });
    expect(outcome.status).toBe("invalid");
    expect((await secondFactorStatus(database.prisma, editor.id)).state).toBe("off");
    expect((await signIn(database.prisma, attempt("typo@example.org"))).ok).toBe(true);
    expect(await editorRevisions(editor.id)).toEqual([]);
  });

  it("with a current code: signing in then needs a code, other sessions end, the history says so without the secret", async () => {
    const editor = await newEditor("careful@example.org");
    const other = await createSession(database.prisma, editor.id, { address: null, userAgent: "another browser" });
    const secret = await turnOn(editor);

    expect((await secondFactorStatus(database.prisma, editor.id)).state).toBe("on");
    expect(await findSignedInEditor(database.prisma, editor.token)).not.toBeNull();
    expect(await findSignedInEditor(database.prisma, other.token)).toBeNull();

    const revisions = await editorRevisions(editor.id);
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({
      editorId: editor.id,
      action: "update",
      reason: "Turned on with an authenticator app",
    });
    expect(JSON.parse(revisions[0]?.after ?? "{}")).toEqual({ "Second factor": "on" });
    for (const revision of revisions) expect(JSON.stringify(revision)).not.toContain(secret);
  });
});

describe("signing in with a second factor", () => {
  it("opens no session after the password alone; a current code opens one, once", async () => {
    const editor = await newEditor("two-step@example.org");
    const secret = await turnOn(editor);
    await database.prisma.session.deleteMany({ where: { editorId: editor.id } });

    const now = new Date(Date.now() + 2 * STEP_MS);
    const first = await signIn(database.prisma, attempt(editor.email), now);
    const challenge = challengeOf(first);
    expect(await database.prisma.session.count({ where: { editorId: editor.id } })).toBe(0);
    // The database keeps only the challenge's hash, as for sessions.
    expect(await database.prisma.signInChallenge.findUnique({ where: { id: challenge } })).toBeNull();
    expect(await database.prisma.signInChallenge.count({ where: { id: sessionIdOf(challenge) } })).toBe(1);

    const code = totpCode(secret, now);
    const result = await completeSignIn(
      database.prisma,
      { challenge, code, address: "198.51.100.1", userAgent: null },
      now,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect((await findSignedInEditor(database.prisma, result.token))?.email).toBe(editor.email);

    // The same challenge cannot open a second session...
    const again = await completeSignIn(
      database.prisma,
      { challenge, code: totpCode(secret, new Date(now.getTime() + STEP_MS)), address: null, userAgent: null },
      now,
    );
    expect(again).toEqual({ ok: false, message: CHALLENGE_ENDED, restart: true });
    // ...and the same code cannot be used again after a new password step.
    const replay = await completeSignIn(
      database.prisma,
      {
        challenge: challengeOf(await signIn(database.prisma, attempt(editor.email), now)),
        code,
        address: null,
        userAgent: null,
      },
      now,
    );
    expect(replay.ok).toBe(false);
    expect(replay.ok === false && replay.restart).toBe(false);
  });

  it("refuses a code two steps old", async () => {
    const editor = await newEditor("late@example.org");
    const secret = await turnOn(editor);
    const now = new Date(Date.now() + 4 * STEP_MS);
    const challenge = challengeOf(await signIn(database.prisma, attempt(editor.email), now));
    const stale = totpCode(secret, new Date(now.getTime() - 2 * STEP_MS));
    expect(
      (await completeSignIn(database.prisma, { challenge, code: stale, address: null, userAgent: null }, now)).ok,
    ).toBe(false);
    const fresh = totpCode(secret, now);
    expect(
      (await completeSignIn(database.prisma, { challenge, code: fresh, address: null, userAgent: null }, now)).ok,
    ).toBe(true);
  });

  it("ends the half-done sign-in after five minutes", async () => {
    const editor = await newEditor("slow@example.org");
    const secret = await turnOn(editor);
    const start = new Date(Date.now() + 6 * STEP_MS);
    const challenge = challengeOf(await signIn(database.prisma, attempt(editor.email), start));
    const later = new Date(start.getTime() + CHALLENGE_LIFETIME_MS);
    const result = await completeSignIn(
      database.prisma,
      { challenge, code: totpCode(secret, later), address: null, userAgent: null },
      later,
    );
    expect(result).toEqual({ ok: false, message: CHALLENGE_ENDED, restart: true });
  });

  it("counts wrong codes as failed sign-ins: the password must be typed again, then the account locks", async () => {
    const editor = await newEditor("guessed@example.org");
    const secret = await turnOn(editor);
    await database.prisma.session.deleteMany({ where: { editorId: editor.id } });
    const now = new Date(Date.now() + 8 * STEP_MS);
    const right = totpCode(secret, now);
    const wrongCodes = ["000000", "111111", "222222", "333333", "444444", "555555", "666666", "777777"].filter(
      (code) => ![-1, 0, 1].some((offset) => totpCode(secret, new Date(now.getTime() + offset * STEP_MS)) === code),
    );
    const address = "198.51.100.77";
    // A second browser got as far as the code step too.
    const waiting = challengeOf(await signIn(database.prisma, attempt(editor.email, PASSWORD, "198.51.100.78"), now));
    const challenge = challengeOf(await signIn(database.prisma, attempt(editor.email, PASSWORD, address), now));
    for (let failure = 1; failure <= CHALLENGE_MAX_FAILURES; failure += 1) {
      const code = wrongCodes[failure % wrongCodes.length] ?? "000000";
      const result = await completeSignIn(database.prisma, { challenge, code, address, userAgent: null }, now);
      expect(result.ok).toBe(false);
      expect(result.ok === false && result.restart).toBe(failure === CHALLENGE_MAX_FAILURES);
    }
    const throttle = await database.prisma.loginThrottle.findUniqueOrThrow({
      where: { key: `account:${editor.email}` },
    });
    expect(throttle.failures).toBe(CHALLENGE_MAX_FAILURES);
    expect(throttle.lockedUntil?.getTime()).toBeGreaterThan(now.getTime());

    // Locked now: neither the right code in the other browser nor the right password gets in.
    const lockedCode = await completeSignIn(
      database.prisma,
      { challenge: waiting, code: right, address: "198.51.100.78", userAgent: null },
      now,
    );
    expect(lockedCode).toMatchObject({ ok: false, message: expect.stringMatching(/^Too many failed attempts/) });
    const lockedPassword = await signIn(database.prisma, attempt(editor.email, PASSWORD, "198.51.100.79"), now);
    expect(lockedPassword).toMatchObject({ ok: false, message: expect.stringMatching(/^Too many failed attempts/) });
    expect(await database.prisma.session.count({ where: { editorId: editor.id } })).toBe(0);
  });
});

describe("an admin requiring a second factor", () => {
  it("is for admins only", async () => {
    const editor = await newEditor("nosy@example.org");
    expect(
      await checkedRequireSecondFactor(database.prisma, editor.token, { email: "chief@example.org", required: "yes" }),
    ).toEqual({
      status: "refused",
      message: ADMINS_ONLY_MESSAGE,
    });
    expect(
      (await database.prisma.editor.findUniqueOrThrow({ where: { email: "chief@example.org" } })).totpRequired,
    ).toBe(false);
  });

  it("leaves the editor able to do nothing but set it up, at once and in the session they already have", async () => {
    const editor = await newEditor("required@example.org");
    const outcome = await checkedRequireSecondFactor(database.prisma, editors.chief.token, {
      email: editor.email,
      required: "yes",
    });
    expect(outcome.status).toBe("done");

    const signedIn = await findSignedInEditor(database.prisma, editor.token);
    expect(signedIn?.mustSetUpSecondFactor).toBe(true);
    const save = await checkedSaveRecord(database.prisma, editor.token, { recordType: "agency", name: "Blocked" });
    expect(save).toEqual({ status: "refused", message: SET_UP_FIRST_MESSAGE });
    expect(await database.prisma.agency.count({ where: { name: "Blocked" } })).toBe(0);

    await turnOn(editor);
    expect((await findSignedInEditor(database.prisma, editor.token))?.mustSetUpSecondFactor).toBe(false);
    // Past the guard now, the form itself is checked (and is incomplete).
    const saveAfter = await checkedSaveRecord(database.prisma, editor.token, { recordType: "agency", name: "Blocked" });
    expect(saveAfter.status).toBe("invalid");

    // Required, it cannot be turned off, even with the password.
    const off = await checkedTurnOffSecondFactor(null)(database.prisma, editor.token, { proof: PASSWORD });
    expect(off.status).toBe("refused");
    expect((await secondFactorStatus(database.prisma, editor.id)).state).toBe("on");

    const revisions = await editorRevisions(editor.id);
    expect(revisions.map((revision) => [revision.editorId === editor.id ? "editor" : "admin", revision.after])).toEqual(
      [
        ["admin", JSON.stringify({ "Second factor required": "yes" })],
        ["editor", JSON.stringify({ "Second factor": "on" })],
      ],
    );
  });
});

describe("turning it off", () => {
  it("needs a current code or the password; a wrong one counts as a failed sign-in", async () => {
    const byCode = await newEditor("off-by-code@example.org");
    const byPassword = await newEditor("off-by-password@example.org");
    const codeSecret = await turnOn(byCode);
    await turnOn(byPassword);

    const wrong = await checkedTurnOffSecondFactor("198.51.100.90")(database.prisma, byPassword.token, {
      proof: "not my password at all",
    });
    expect(wrong.status).toBe("invalid");
    expect(
      (await database.prisma.loginThrottle.findUniqueOrThrow({ where: { key: `account:${byPassword.email}` } }))
        .failures,
    ).toBe(1);
    expect((await secondFactorStatus(database.prisma, byPassword.id)).state).toBe("on");

    expect(
      (await checkedTurnOffSecondFactor(null)(database.prisma, byPassword.token, { proof: PASSWORD })).status,
    ).toBe("done");
    const nextCode = totpCode(codeSecret, new Date(Date.now() + STEP_MS));
    expect((await checkedTurnOffSecondFactor(null)(database.prisma, byCode.token, { proof: nextCode })).status).toBe(
      "done",
    );

    for (const editor of [byCode, byPassword]) {
      expect((await signIn(database.prisma, attempt(editor.email, PASSWORD, "198.51.100.91"))).ok).toBe(true);
      expect((await editorRevisions(editor.id)).at(-1)).toMatchObject({
        reason: "Turned off by its owner",
        after: JSON.stringify({ "Second factor": "off" }),
      });
    }
    // A new app gets a new secret.
    const fresh = await secondFactorStatus(database.prisma, byCode.id);
    expect(fresh.state === "off" && fresh.secret).not.toBe(codeSecret);
  });
});

describe("an admin resetting a second factor", () => {
  it("turns it off and ends the editor's sessions, so they sign in with the password and set up a new app", async () => {
    const editor = await newEditor("lost-phone@example.org");
    await turnOn(editor);
    const pending = challengeOf(await signIn(database.prisma, attempt(editor.email)));

    expect(await checkedResetSecondFactor(database.prisma, editor.token, { email: editor.email })).toEqual({
      status: "refused",
      message: ADMINS_ONLY_MESSAGE,
    });
    const outcome = await checkedResetSecondFactor(database.prisma, editors.chief.token, { email: editor.email });
    expect(outcome.status).toBe("done");

    expect(await findSignedInEditor(database.prisma, editor.token)).toBeNull();
    expect(await database.prisma.signInChallenge.count({ where: { id: sessionIdOf(pending) } })).toBe(0);
    expect((await signIn(database.prisma, attempt(editor.email))).ok).toBe(true);
    const last = (await editorRevisions(editor.id)).at(-1);
    expect(last).toMatchObject({ reason: "Reset by an admin", after: JSON.stringify({ "Second factor": "off" }) });
    expect(last?.editorId).not.toBe(editor.id);
  });

  it("can be done from the command line, for an admin with no other admin; the history says so", async () => {
    const admin = await signedInEditor(database.prisma, { email: "sole@example.org", name: "Sole", role: "admin" });
    await turnOn(admin);
    const outcome = await resetSecondFactor(database.prisma, null, "sole@example.org");
    expect(outcome.status).toBe("done");
    expect((await signIn(database.prisma, attempt("sole@example.org"))).ok).toBe(true);
    expect((await editorRevisions(admin.id)).at(-1)).toMatchObject({
      editorId: null,
      reason: "Reset from the command line",
    });
  });

  it("is refused for the admin's own account", async () => {
    const admin = await database.prisma.editor.findUniqueOrThrow({ where: { email: "chief@example.org" } });
    await turnOn({ id: admin.id, token: editors.chief.token });
    const outcome = await checkedResetSecondFactor(database.prisma, editors.chief.token, {
      email: "chief@example.org",
    });
    expect(outcome.status).toBe("refused");
    expect((await secondFactorStatus(database.prisma, admin.id)).state).toBe("on");
  });
});
