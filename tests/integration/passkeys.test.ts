import { beforeEach, describe, expect, it } from "vitest";
import { checkedRemovePasskey, checkedRenamePasskey, checkedRequireSecondFactor } from "@/lib/admin/checked.server";
import { disableEditor } from "@/lib/auth/editors.server";
import {
  answerPasskeyRequest,
  PASSKEY_ALREADY_REGISTERED,
  PASSKEY_CEREMONY_ENDED,
  PASSKEY_CHALLENGE_LIFETIME_MS,
  PASSKEY_NOT_RECOGNISED,
  relyingParty,
  type PasskeyAnswer,
  type PasskeyContext,
} from "@/lib/auth/passkeys.server";
import { resetSecondFactor } from "@/lib/auth/second-factor.server";
import { createSession, findSignedInEditor } from "@/lib/auth/sessions.server";
import { CHALLENGE_ENDED, openChallengeFactors, signIn, type SignInResult } from "@/lib/auth/sign-in.server";
import { databaseWithEditors, PASSWORD, signedInEditor, type TestEditor } from "../support/signed-in";
import { SoftwareAuthenticator, type Origin } from "../support/software-authenticator";

const { database, editors } = databaseWithEditors({
  editors: { chief: { email: "chief@example.org", name: "Chief", role: "admin" } },
});

const SITE = "https://record.example.org";
const RP = relyingParty(SITE);
const HERE: Origin = { rpId: RP.id, origin: RP.origin };

// Each test signs in from an address of its own, so that one test's refusals do not lock the next out.
let address = "";
let tests = 0;
beforeEach(() => {
  address = `198.51.100.${++tests}`;
});

const newEditor = (email: string) =>
  signedInEditor(database.prisma, { email, name: email.split("@")[0] ?? email, role: "editor" });

function ask(body: unknown, context: Partial<PasskeyContext> = {}, now?: Date): Promise<PasskeyAnswer> {
  return answerPasskeyRequest(database.prisma, body, {
    sessionToken: undefined,
    signInChallenge: undefined,
    ceremonyToken: undefined,
    address,
    userAgent: "vitest",
    relyingParty: RP,
    ...context,
    now,
  });
}

type Options = { challenge: string; user: { id: string }; rp: { id?: string }; rpId?: string };

function optionsOf(answer: PasskeyAnswer): { options: Options; token: string } {
  if (answer.status !== 200 || !answer.ceremony || !("options" in answer.body)) {
    throw new Error(`expected options, got ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return { options: answer.body.options as Options, token: answer.ceremony.token };
}

const messageOf = (answer: PasskeyAnswer) => ("message" in answer.body ? answer.body.message : "");

async function addPasskey(editor: TestEditor, authenticator = new SoftwareAuthenticator(), name = "Work laptop") {
  const { options, token } = optionsOf(
    await ask({ step: "options", ceremony: "register" }, { sessionToken: editor.token }),
  );
  const response = authenticator.register(options, HERE);
  return ask(
    { step: "verify", ceremony: "register", name, response },
    { sessionToken: editor.token, ceremonyToken: token },
  );
}

async function signInWith(authenticator: SoftwareAuthenticator, at: Origin = HERE) {
  const { options, token } = optionsOf(await ask({ step: "options", ceremony: "sign-in" }));
  const response = authenticator.authenticate(options, at);
  return ask({ step: "verify", ceremony: "sign-in", response }, { ceremonyToken: token });
}

function challengeOf(result: SignInResult): string {
  if (result.ok || !result.codeNeeded) throw new Error(`expected the second step, got ${JSON.stringify(result)}`);
  return result.codeNeeded.challenge;
}

const passwordStep = (email: string) =>
  signIn(database.prisma, { email, password: PASSWORD, address, userAgent: "vitest" });

describe("registering a passkey", () => {
  it("stores its public key under the editor's name for it, and the history says a passkey was added", async () => {
    const editor = await newEditor("adds@example.org");
    const answer = await addPasskey(editor);
    expect(answer.status).toBe(201);
    expect(messageOf(answer)).toMatch(/“Work laptop” is added/);
    const [stored] = await database.prisma.passkey.findMany({ where: { editorId: editor.id } });
    expect(stored).toMatchObject({ name: "Work laptop", transports: "internal", lastUsedAt: null });
    const [revision] = await database.prisma.revision.findMany({
      where: { recordType: "editor", recordId: editor.id, action: "update" },
    });
    expect(revision?.reason).toBe("Added the passkey “Work laptop”");
    expect(JSON.stringify(revision)).not.toContain(stored?.publicKey);
  });

  it("as the first second factor, ends the editor's other sessions, which the password alone opened", async () => {
    const editor = await newEditor("first@example.org");
    const elsewhere = await createSession(database.prisma, editor.id, { address: null, userAgent: "another browser" });
    expect((await addPasskey(editor)).status).toBe(201);
    expect(await findSignedInEditor(database.prisma, elsewhere.token)).toBeNull();
    expect(await findSignedInEditor(database.prisma, editor.token)).not.toBeNull();
  });

  it("needs a session, and the options' challenge once, from the same session, before it expires", async () => {
    expect((await ask({ step: "options", ceremony: "register" })).status).toBe(401);

    const editor = await newEditor("once@example.org");
    const authenticator = new SoftwareAuthenticator();
    const { options, token } = optionsOf(
      await ask({ step: "options", ceremony: "register" }, { sessionToken: editor.token }),
    );
    const body = {
      step: "verify",
      ceremony: "register",
      name: "Phone",
      response: authenticator.register(options, HERE),
    };

    // No ceremony cookie, or another session's: refused, and the challenge is spent either way.
    expect((await ask(body, { sessionToken: editor.token })).status).toBe(400);
    const elsewhere = await newEditor("once-other@example.org");
    const stolen = await ask(body, { sessionToken: elsewhere.token, ceremonyToken: token });
    expect([stolen.status, messageOf(stolen)]).toEqual([400, PASSKEY_CEREMONY_ENDED]);
    const again = await ask(body, { sessionToken: editor.token, ceremonyToken: token });
    expect([again.status, messageOf(again)]).toEqual([400, PASSKEY_CEREMONY_ENDED]);

    const late = optionsOf(await ask({ step: "options", ceremony: "register" }, { sessionToken: editor.token }));
    const lateBody = { ...body, response: authenticator.register(late.options, HERE) };
    const afterExpiry = new Date(Date.now() + PASSKEY_CHALLENGE_LIFETIME_MS + 1000);
    expect((await ask(lateBody, { sessionToken: editor.token, ceremonyToken: late.token }, afterExpiry)).status).toBe(
      400,
    );
    expect(await database.prisma.passkey.count({ where: { editorId: editor.id } })).toBe(0);
  });

  it("refuses a passkey made for another address (the request's Host is not the site's)", async () => {
    const editor = await newEditor("phished@example.org");
    const { options, token } = optionsOf(
      await ask({ step: "options", ceremony: "register" }, { sessionToken: editor.token }),
    );
    const elsewhere = { rpId: "record.example.org.evil.test", origin: "https://record.example.org.evil.test" };
    const answer = await ask(
      {
        step: "verify",
        ceremony: "register",
        name: "Phone",
        response: new SoftwareAuthenticator().register(options, elsewhere),
      },
      { sessionToken: editor.token, ceremonyToken: token },
    );
    expect(answer.status).toBe(400);
    expect(messageOf(answer)).toMatch(/^The passkey was not added: /);
    expect(await database.prisma.passkey.count({ where: { editorId: editor.id } })).toBe(0);
  });

  it("refuses one that does not verify the person, and one already registered", async () => {
    const editor = await newEditor("twice@example.org");
    const careless = new SoftwareAuthenticator();
    careless.verifiesUser = false;
    expect((await addPasskey(editor, careless)).status).toBe(400);
    const authenticator = new SoftwareAuthenticator();
    expect((await addPasskey(editor, authenticator)).status).toBe(201);
    const twice = await addPasskey(editor, authenticator, "Again");
    expect([twice.status, messageOf(twice)]).toEqual([409, PASSKEY_ALREADY_REGISTERED]);
  });

  it("adds a passkey sent twice at once only once, telling the second it is already registered", async () => {
    const editor = await newEditor("double-click@example.org");
    const authenticator = new SoftwareAuthenticator();
    const answers = await Promise.all([
      addPasskey(editor, authenticator, "One"),
      addPasskey(editor, authenticator, "Two"),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    expect(messageOf(answers.find((answer) => answer.status === 409)!)).toBe(PASSKEY_ALREADY_REGISTERED);
    expect(await database.prisma.passkey.count({ where: { editorId: editor.id } })).toBe(1);
  });

  it("derives who passkeys are for from the configured address alone", () => {
    expect(relyingParty("https://venetic.example.org:8443/")).toMatchObject({
      id: "venetic.example.org",
      origin: "https://venetic.example.org:8443",
    });
  });
});

describe("signing in with a passkey alone", () => {
  it("opens a session for the passkey's editor, and records its use", async () => {
    const editor = await newEditor("alone@example.org");
    const authenticator = new SoftwareAuthenticator();
    await addPasskey(editor, authenticator);
    const answer = await signInWith(authenticator);
    expect(answer.status).toBe(200);
    expect(answer.session).toBeDefined();
    expect((await findSignedInEditor(database.prisma, answer.session?.token))?.email).toBe("alone@example.org");
    const stored = await database.prisma.passkey.findUniqueOrThrow({ where: { id: authenticator.id } });
    expect(stored.counter).toBe(1n);
    expect(stored.lastUsedAt).not.toBeNull();
  });

  it("refuses an unknown passkey, one without the person verified, a cloned one and a disabled editor's", async () => {
    expect((await signInWith(new SoftwareAuthenticator())).status).toBe(401);

    const editor = await newEditor("refused@example.org");
    const authenticator = new SoftwareAuthenticator();
    await addPasskey(editor, authenticator);

    authenticator.verifiesUser = false;
    expect((await signInWith(authenticator)).status).toBe(401);
    authenticator.verifiesUser = true;

    expect((await signInWith(authenticator)).status).toBe(200);
    // A copy of the key whose counter lags behind the one the server saw.
    authenticator.counter = 0;
    const cloned = await signInWith(authenticator);
    expect(cloned.status).toBe(401);
    expect(cloned.session).toBeUndefined();

    authenticator.counter = 100;
    await disableEditor(database.prisma, "refused@example.org");
    const disabled = await signInWith(authenticator);
    expect([disabled.status, messageOf(disabled)]).toEqual([401, PASSKEY_NOT_RECOGNISED]);
  });

  it("does not accept a signature for one challenge against another", async () => {
    const editor = await newEditor("replay@example.org");
    const authenticator = new SoftwareAuthenticator();
    await addPasskey(editor, authenticator);
    const first = optionsOf(await ask({ step: "options", ceremony: "sign-in" }));
    const second = optionsOf(await ask({ step: "options", ceremony: "sign-in" }));
    const response = authenticator.authenticate(first.options, HERE);
    const answer = await ask({ step: "verify", ceremony: "sign-in", response }, { ceremonyToken: second.token });
    expect(answer.status).toBe(401);
  });

  it("locks the address after repeated failures, like wrong passwords", async () => {
    const address = "203.0.113.99";
    let last: PasskeyAnswer | undefined;
    for (let attempt = 0; attempt < 6; attempt++) {
      const { options, token } = optionsOf(await ask({ step: "options", ceremony: "sign-in" }, { address }));
      const response = new SoftwareAuthenticator().authenticate(options, HERE);
      last = await ask({ step: "verify", ceremony: "sign-in", response }, { ceremonyToken: token, address });
    }
    expect(messageOf(last!)).toMatch(/^Too many failed attempts/);
  });
});

describe("a passkey as the second factor after the password", () => {
  it("the password alone opens nothing; the editor's passkey then opens the session", async () => {
    const editor = await newEditor("both@example.org");
    const authenticator = new SoftwareAuthenticator();
    await addPasskey(editor, authenticator);

    const challenge = challengeOf(await passwordStep("both@example.org"));
    expect(await openChallengeFactors(database.prisma, challenge)).toEqual({ code: false, passkey: true });
    const { options, token } = optionsOf(
      await ask({ step: "options", ceremony: "second-factor" }, { signInChallenge: challenge }),
    );
    const response = authenticator.authenticate(options, HERE);
    const answer = await ask(
      { step: "verify", ceremony: "second-factor", response },
      { signInChallenge: challenge, ceremonyToken: token },
    );
    expect(answer.status).toBe(200);
    expect(answer.endSignInChallenge).toBe(true);
    expect((await findSignedInEditor(database.prisma, answer.session?.token))?.id).toBe(editor.id);
    expect(await openChallengeFactors(database.prisma, challenge)).toBeNull();
  });

  it("refuses another editor's passkey and a ceremony of another sign-in, and needs the password first", async () => {
    const editor = await newEditor("mine@example.org");
    await addPasskey(editor);
    const stranger = await newEditor("theirs@example.org");
    const strangers = new SoftwareAuthenticator();
    await addPasskey(stranger, strangers);

    const none = await ask({ step: "options", ceremony: "second-factor" });
    expect([none.status, messageOf(none)]).toEqual([401, CHALLENGE_ENDED]);

    const challenge = challengeOf(await passwordStep("mine@example.org"));
    const { options, token } = optionsOf(
      await ask({ step: "options", ceremony: "second-factor" }, { signInChallenge: challenge }),
    );
    const wrongKey = await ask(
      { step: "verify", ceremony: "second-factor", response: strangers.authenticate(options, HERE) },
      { signInChallenge: challenge, ceremonyToken: token },
    );
    expect(wrongKey.status).toBe(400);
    expect(wrongKey.session).toBeUndefined();
    expect(messageOf(wrongKey)).toMatch(/not one of this account's/);
    const { failures } = await database.prisma.signInChallenge.findFirstOrThrow({ where: { editorId: editor.id } });
    expect(failures).toBe(1);

    // The ceremony belongs to the stranger's own half-done sign-in, not to this one.
    const theirs = challengeOf(await passwordStep("theirs@example.org"));
    const ceremony = optionsOf(await ask({ step: "options", ceremony: "second-factor" }, { signInChallenge: theirs }));
    const crossed = await ask(
      { step: "verify", ceremony: "second-factor", response: strangers.authenticate(ceremony.options, HERE) },
      { signInChallenge: challenge, ceremonyToken: ceremony.token },
    );
    expect([crossed.status, messageOf(crossed)]).toEqual([400, PASSKEY_CEREMONY_ENDED]);
  });
});

describe("managing passkeys on the account page", () => {
  it("renames one, and removes one with the password", async () => {
    const editor = await newEditor("tidy@example.org");
    const authenticator = new SoftwareAuthenticator();
    await addPasskey(editor, authenticator);
    const renamed = await checkedRenamePasskey(database.prisma, editor.token, {
      passkey: authenticator.id,
      name: "Old phone",
    });
    expect(renamed).toMatchObject({ status: "done", message: "The passkey “Work laptop” is now “Old phone”." });

    const remove = checkedRemovePasskey(address);
    const wrong = await remove(database.prisma, editor.token, {
      passkey: authenticator.id,
      password: "not my password",
    });
    expect(wrong.status).toBe("invalid");
    const done = await remove(database.prisma, editor.token, { passkey: authenticator.id, password: PASSWORD });
    expect(done).toMatchObject({ status: "done", message: "The passkey “Old phone” is removed." });
    expect(await database.prisma.passkey.count({ where: { editorId: editor.id } })).toBe(0);
    expect((await passwordStep("tidy@example.org")).ok).toBe(true);
  });

  it("keeps the last second factor of an editor of whom an admin requires one", async () => {
    const editor = await newEditor("kept@example.org");
    await checkedRequireSecondFactor(database.prisma, editors.chief.token, {
      email: "kept@example.org",
      required: "yes",
    });
    expect((await findSignedInEditor(database.prisma, editor.token))?.mustSetUpSecondFactor).toBe(true);
    // Registering a passkey is what an editor who must set up a second factor may do.
    const first = new SoftwareAuthenticator();
    expect((await addPasskey(editor, first)).status).toBe(201);
    expect((await findSignedInEditor(database.prisma, editor.token))?.mustSetUpSecondFactor).toBe(false);

    const remove = checkedRemovePasskey(null);
    const refused = await remove(database.prisma, editor.token, { passkey: first.id, password: PASSWORD });
    expect(refused.status).toBe("refused");
    expect(await database.prisma.passkey.count({ where: { editorId: editor.id } })).toBe(1);

    const second = new SoftwareAuthenticator();
    expect((await addPasskey(editor, second, "Spare key")).status).toBe(201);
    expect((await remove(database.prisma, editor.token, { passkey: first.id, password: PASSWORD })).status).toBe(
      "done",
    );
  });

  it("cannot touch another editor's passkey", async () => {
    const owner = await newEditor("owner@example.org");
    const authenticator = new SoftwareAuthenticator();
    await addPasskey(owner, authenticator);
    const other = await newEditor("meddler@example.org");
    const outcome = await checkedRenamePasskey(database.prisma, other.token, {
      passkey: authenticator.id,
      name: "Mine",
    });
    expect(outcome.status).toBe("refused");
  });

  it("an admin's reset of a lost second factor removes the editor's passkeys too", async () => {
    const editor = await newEditor("lost@example.org");
    const authenticator = new SoftwareAuthenticator();
    await addPasskey(editor, authenticator);
    const outcome = await resetSecondFactor(database.prisma, null, "lost@example.org");
    expect(outcome.status).toBe("done");
    expect(await database.prisma.passkey.count({ where: { editorId: editor.id } })).toBe(0);
    expect((await signInWith(authenticator)).status).toBe(401);
    expect((await passwordStep("lost@example.org")).ok).toBe(true);
  });
});
