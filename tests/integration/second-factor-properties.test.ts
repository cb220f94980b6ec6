import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { configuredSealingKeys, seal, totpSecretContext } from "@/lib/auth/sealed-secrets.server";
import { acceptCode } from "@/lib/auth/second-factor.server";
import { generateTotpSecret, totpCode, TOTP_STEP_SECONDS } from "@/lib/auth/totp.server";
import { authenticatorCode } from "@/lib/validation/second-factor";
import { databaseWithEditors } from "../support/signed-in";

/**
 * Property-based checks of the second factor against a real database: no input but a current
 * code of the editor's own app is ever accepted, none makes the check throw, and the one that is
 * accepted is accepted once.
 */
const { database, editors } = databaseWithEditors({
  editors: { codes: { email: "codes@example.org", name: "Codes", role: "editor" } },
});
const secret = generateTotpSecret();
const now = new Date("2026-11-25T12:00:10Z");
const stepAway = (steps: number) => new Date(now.getTime() + steps * TOTP_STEP_SECONDS * 1000);

beforeAll(async () => {
  await database.prisma.editor.update({
    where: { id: editors.codes.id },
    data: {
      totpSecret: seal(configuredSealingKeys()!, secret, totpSecretContext(editors.codes.id)),
      totpEnabledAt: now,
    },
  });
});

const lastStep = async () =>
  (await database.prisma.editor.findUniqueOrThrow({ where: { id: editors.codes.id }, select: { totpLastStep: true } }))
    .totpLastStep;

describe("a sign-in code", () => {
  it("that is not one the editor's app shows now is never accepted, whatever it is", async () => {
    const valid = new Set([-1, 0, 1].map((steps) => totpCode(secret, stepAway(steps))));
    const guess = fc.oneof(
      fc.stringMatching(/^\d{6}$/),
      fc.string(),
      fc.string({ unit: "binary", maxLength: 40 }),
      fc.constantFrom("", "000000", "999999", "12345", "1234567", " 123 456 ", "-12345", "1e5", "x".repeat(10_000)),
    );
    await fc.assert(
      fc.asyncProperty(
        guess.filter((code) => !valid.has(code)),
        async (code) => {
          await expect(acceptCode(database.prisma, editors.codes.id, code, now)).resolves.toBe(false);
        },
      ),
      { numRuns: 300 },
    );
    expect(await lastStep()).toBeNull();
  });

  it("that the app shows now is accepted once, and no code of that step or earlier after it", async () => {
    const current = totpCode(secret, now);
    expect(await acceptCode(database.prisma, editors.codes.id, current, now)).toBe(true);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: -3, max: 0 }), async (steps) => {
        expect(await acceptCode(database.prisma, editors.codes.id, totpCode(secret, stepAway(steps)), now)).toBe(false);
      }),
    );
  });
});

describe("the code field", () => {
  it("reads six digits however the editor spaces them, and nothing else", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{6}$/),
        fc.array(fc.constantFrom(" ", "\t", "\u00a0"), { maxLength: 3 }),
        fc.nat(6),
        (digits, spaces, at) => {
          const typed = `${digits.slice(0, at)}${spaces.join("")}${digits.slice(at)}`;
          expect(authenticatorCode.parse(typed)).toBe(digits);
        },
      ),
    );
    fc.assert(
      fc.property(fc.string(), (typed) => {
        const parsed = authenticatorCode.safeParse(typed);
        if (parsed.success) expect(parsed.data).toMatch(/^[0-9]{6}$/);
      }),
    );
  });
});
