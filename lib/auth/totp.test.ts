import { describe, expect, it } from "vitest";
import {
  base32Decode,
  base32Encode,
  generateTotpSecret,
  groupSecret,
  hotp,
  matchTotp,
  otpauthUri,
  totpCode,
  totpStep,
} from "./totp.server";

/** RFC 6238 appendix B's SHA-1 key: the ASCII text "12345678901234567890". */
const RFC_SECRET = base32Encode(Buffer.from("12345678901234567890", "ascii"));

describe("base32", () => {
  it("matches RFC 4648's test vectors (without padding)", () => {
    const vectors: [string, string][] = [
      ["", ""],
      ["f", "MY"],
      ["fo", "MZXQ"],
      ["foo", "MZXW6"],
      ["foob", "MZXW6YQ"],
      ["fooba", "MZXW6YTB"],
      ["foobar", "MZXW6YTBOI"],
    ];
    for (const [text, encoded] of vectors) {
      expect(base32Encode(Buffer.from(text))).toBe(encoded);
      expect(base32Decode(encoded).toString()).toBe(text);
    }
  });

  it("reads a secret typed in lower case, in groups or with padding", () => {
    expect(base32Decode("mzxw 6ytb oi======").toString()).toBe("foobar");
  });

  it("refuses characters outside the alphabet", () => {
    expect(() => base32Decode("MZXW1")).toThrow(/base32/);
  });
});

describe("secrets", () => {
  it("are 20 random bytes, written as 32 base32 letters, different every time", () => {
    const one = generateTotpSecret();
    const two = generateTotpSecret();
    expect(one).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(one)).toHaveLength(20);
    expect(one).not.toBe(two);
  });

  it("are shown in groups of four", () => {
    expect(groupSecret("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")).toBe("ABCD EFGH IJKL MNOP QRST UVWX YZ23 4567");
  });
});

describe("codes", () => {
  it("match RFC 4226's HOTP test values", () => {
    const key = Buffer.from("12345678901234567890", "ascii");
    const expected = [
      "755224",
      "287082",
      "359152",
      "969429",
      "338314",
      "254676",
      "287922",
      "162583",
      "399871",
      "520489",
    ];
    expect(expected.map((_, counter) => hotp(key, counter))).toEqual(expected);
  });

  it.each([
    [59, "94287082"],
    [1111111109, "07081804"],
    [1111111111, "14050471"],
    [1234567890, "89005924"],
    [2000000000, "69279037"],
    [20000000000, "65353130"],
  ])("match RFC 6238's SHA-1 test value at %i seconds", (seconds, code) => {
    expect(totpCode(RFC_SECRET, new Date(seconds * 1000), 8)).toBe(code);
  });

  it("are 6 digits as apps show them, the last 6 of the RFC's 8", () => {
    expect(totpCode(RFC_SECRET, new Date(59_000))).toBe("287082");
    expect(totpCode(RFC_SECRET, new Date(1111111109_000))).toBe("081804");
  });
});

describe("checking a code", () => {
  const now = new Date("2030-06-01T12:00:15Z");
  const step = totpStep(now);
  const codeAt = (offsetSteps: number) => totpCode(RFC_SECRET, new Date(now.getTime() + offsetSteps * 30_000));

  it("accepts the current code and says which step it was", () => {
    expect(matchTotp(RFC_SECRET, codeAt(0), now, null)).toBe(step);
  });

  it("accepts the code one step before or after, for clocks that drift", () => {
    expect(matchTotp(RFC_SECRET, codeAt(-1), now, null)).toBe(step - 1);
    expect(matchTotp(RFC_SECRET, codeAt(1), now, null)).toBe(step + 1);
  });

  it("refuses codes two steps away", () => {
    expect(matchTotp(RFC_SECRET, codeAt(-2), now, null)).toBeNull();
    expect(matchTotp(RFC_SECRET, codeAt(2), now, null)).toBeNull();
  });

  it("refuses a code from the step already accepted, or an earlier one", () => {
    expect(matchTotp(RFC_SECRET, codeAt(0), now, step)).toBeNull();
    expect(matchTotp(RFC_SECRET, codeAt(-1), now, step)).toBeNull();
    expect(matchTotp(RFC_SECRET, codeAt(1), now, step)).toBe(step + 1);
  });

  it("accepts a code typed with a space in the middle", () => {
    const code = codeAt(0);
    expect(matchTotp(RFC_SECRET, `${code.slice(0, 3)} ${code.slice(3)}`, now, null)).toBe(step);
  });

  it("refuses anything but the code: other secrets' codes, wrong lengths, letters", () => {
    const otherSecretsCode = totpCode("JBSWY3DPEHPK3PXP", now);
    expect([codeAt(-1), codeAt(0), codeAt(1)]).not.toContain(otherSecretsCode);
    expect(matchTotp(RFC_SECRET, otherSecretsCode, now, null)).toBeNull();
    expect(matchTotp(RFC_SECRET, codeAt(0).slice(1), now, null)).toBeNull();
    expect(matchTotp(RFC_SECRET, `${codeAt(0)}0`, now, null)).toBeNull();
    expect(matchTotp(RFC_SECRET, "abcdef", now, null)).toBeNull();
    expect(matchTotp(RFC_SECRET, "", now, null)).toBeNull();
  });
});

describe("the otpauth address", () => {
  it("names the site and the account, and carries the secret and the code's settings", () => {
    const uri = otpauthUri({ issuer: "Operation Venetic", account: "ed+1@example.org", secret: "JBSWY3DPEHPK3PXP" });
    expect(uri.startsWith("otpauth://totp/Operation%20Venetic:ed%2B1%40example.org?")).toBe(true);
    const parameters = new URL(uri).searchParams;
    expect(parameters.get("secret")).toBe("JBSWY3DPEHPK3PXP");
    expect(parameters.get("issuer")).toBe("Operation Venetic");
    expect(parameters.get("algorithm")).toBe("SHA1");
    expect(parameters.get("digits")).toBe("6");
    expect(parameters.get("period")).toBe("30");
    expect(uri).not.toContain("+");
  });
});
