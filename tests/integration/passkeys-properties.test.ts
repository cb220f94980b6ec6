import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { answerPasskeyRequest, relyingParty, type PasskeyContext } from "@/lib/auth/passkeys.server";
import { databaseWithEditors } from "../support/signed-in";
import { SoftwareAuthenticator } from "../support/software-authenticator";

/**
 * Property-based checks of the passkey route's boundary against a real database: whatever a
 * browser (or anyone) posts, the answer is a 4xx with a sentence, never an exception (a 500),
 * and nothing short of the authenticator's own answer adds a passkey or opens a session.
 */
const { database, editors } = databaseWithEditors({
  editors: { keys: { email: "keys@example.org", name: "Keys", role: "editor" } },
});
const RP = relyingParty("https://record.example.org");
const HERE = { rpId: RP.id, origin: RP.origin };
const authenticator = new SoftwareAuthenticator();

function ask(body: unknown, context: Partial<PasskeyContext> = {}) {
  return answerPasskeyRequest(database.prisma, body, {
    sessionToken: editors.keys.token,
    signInChallenge: undefined,
    ceremonyToken: undefined,
    // No address: these refusals must not lock the tests out of each other.
    address: null,
    userAgent: "vitest",
    relyingParty: RP,
    ...context,
  });
}

async function ceremony(kind: "register" | "sign-in") {
  const answer = await ask({ step: "options", ceremony: kind });
  if (!answer.ceremony || !("options" in answer.body)) throw new Error(JSON.stringify(answer.body));
  return { options: answer.body.options as never, token: answer.ceremony.token };
}

const passkeys = () => database.prisma.passkey.count({ where: { editorId: editors.keys.id } });
const sessions = () => database.prisma.session.count({ where: { editorId: editors.keys.id } });

/** Anything in a field's place: text, base64url of random bytes, numbers, objects, nothing. */
const junk = fc.oneof(
  fc.string(),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString("base64url")),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.jsonValue(),
  fc.constant(undefined),
  fc.constant("A".repeat(20_000)),
);

function withField<T extends Record<string, unknown>>(value: T, path: string[], replacement: unknown): T {
  const [head, ...rest] = path as [string, ...string[]];
  return {
    ...value,
    [head]: rest.length ? withField(value[head] as Record<string, unknown>, rest, replacement) : replacement,
  };
}

const expectRefused = (status: number) => {
  expect(status).toBeGreaterThanOrEqual(400);
  expect(status).toBeLessThan(500);
};

describe("the passkey route", () => {
  it("answers any body that is not a passkey request with a 4xx and a sentence", async () => {
    const body = fc.oneof(
      fc.jsonValue(),
      fc.record({ step: fc.constantFrom("options", "verify", "other"), ceremony: fc.jsonValue() }),
      fc.record({
        step: fc.constant("verify"),
        ceremony: fc.constantFrom("register", "sign-in", "second-factor"),
        name: junk,
        response: junk,
      }),
    );
    await fc.assert(
      fc.asyncProperty(body, async (value) => {
        const answer = await ask(value);
        // A well-formed request for options is the one thing that is not refused.
        if (answer.status === 200) return;
        expectRefused(answer.status);
        expect("message" in answer.body && answer.body.message.length > 0).toBe(true);
      }),
      { numRuns: 300 },
    );
    expect(await passkeys()).toBe(0);
  });

  it("adds no passkey for a registration answer with any field changed", async () => {
    const paths = [["id"], ["rawId"], ["type"], ["response", "clientDataJSON"], ["response", "attestationObject"]];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), junk, async (path, replacement) => {
        const { options, token } = await ceremony("register");
        const response = new SoftwareAuthenticator().register(options, HERE);
        fc.pre(JSON.stringify(withField(response, path, replacement)) !== JSON.stringify(response));
        const answer = await ask(
          { step: "verify", ceremony: "register", name: "Laptop", response: withField(response, path, replacement) },
          { ceremonyToken: token },
        );
        expectRefused(answer.status);
      }),
      { numRuns: 120 },
    );
    expect(await passkeys()).toBe(0);
  });

  describe("with a registered passkey", () => {
    beforeAll(async () => {
      const { options, token } = await ceremony("register");
      const answer = await ask(
        { step: "verify", ceremony: "register", name: "Laptop", response: authenticator.register(options, HERE) },
        { ceremonyToken: token },
      );
      expect(answer.status).toBe(201);
    });

    it("opens no session for a sign-in answer with any field changed", async () => {
      const before = await sessions();
      const paths = [
        ["id"],
        ["rawId"],
        ["type"],
        ["response", "clientDataJSON"],
        ["response", "authenticatorData"],
        ["response", "signature"],
        ["response", "userHandle"],
      ];
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...paths), junk, async (path, replacement) => {
          const { options, token } = await ceremony("sign-in");
          const response = authenticator.authenticate(options, HERE);
          fc.pre(JSON.stringify(withField(response, path, replacement)) !== JSON.stringify(response));
          const answer = await ask(
            { step: "verify", ceremony: "sign-in", response: withField(response, path, replacement) },
            { sessionToken: undefined, ceremonyToken: token },
          );
          expectRefused(answer.status);
          expect(answer.session).toBeUndefined();
        }),
        { numRuns: 150 },
      );
      expect(await sessions()).toBe(before);
    });
  });
});
