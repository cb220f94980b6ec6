import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ConfigurationError, parseEnv } from "@/lib/env.server";
import {
  isSealed,
  seal,
  sealedKeyId,
  SealingError,
  sealingKeysFrom,
  unseal,
  type SealingKeys,
} from "./sealed-secrets.server";

const newKey = () => randomBytes(32).toString("base64");
const keysOf = (current: string, ...old: string[]): SealingKeys =>
  sealingKeysFrom(parseEnv({ SECRETS_KEY: current, SECRETS_OLD_KEYS: old.join(",") }))!;

describe("sealed secrets", () => {
  const key = newKey();
  const keys = keysOf(key);

  it("open to what was sealed, with the key and the context they were sealed with", () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), (secret, context) => {
        const sealed = seal(keys, secret, context);
        expect(isSealed(sealed)).toBe(true);
        expect(sealedKeyId(sealed)).toBe(keys.current.id);
        expect(unseal(keys, sealed, context)).toBe(secret);
      }),
    );
  });

  it("never hold the secret itself, and differ each time for the same secret", () => {
    const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    const first = seal(keys, secret, "totp-secret:a");
    expect(first).not.toContain(secret);
    expect(seal(keys, secret, "totp-secret:a")).not.toBe(first);
  });

  it("are refused under a wrong key, even one claiming the right key's id", () => {
    const sealed = seal(keys, "secret", "totp-secret:a");
    expect(() => unseal(keysOf(newKey()), sealed, "totp-secret:a")).toThrow(
      /neither SECRETS_KEY nor in SECRETS_OLD_KEYS/,
    );
    const impostor = keysOf(newKey());
    const claiming: SealingKeys = {
      current: impostor.current,
      byId: new Map([[keys.current.id, impostor.current.key]]),
    };
    expect(() => unseal(claiming, sealed, "totp-secret:a")).toThrow(SealingError);
  });

  it("are refused when altered, or copied to another editor's row", () => {
    const sealed = seal(keys, "secret", "totp-secret:a");
    expect(() => unseal(keys, sealed, "totp-secret:b")).toThrow(/altered, or belongs elsewhere/);
    fc.assert(
      fc.property(fc.nat({ max: sealed.length - 1 }), fc.constantFrom(..."ABCabc012-_"), (at, character) => {
        const altered = sealed.slice(0, at) + character + sealed.slice(at + 1);
        if (altered === sealed) return;
        expect(() => unseal(keys, altered, "totp-secret:a")).toThrow(SealingError);
      }),
    );
  });

  it("sealed under an old key still open while it is in SECRETS_OLD_KEYS", () => {
    const old = newKey();
    const sealed = seal(keysOf(old), "secret", "c");
    const rotated = keysOf(newKey(), old);
    expect(unseal(rotated, sealed, "c")).toBe("secret");
    expect(sealedKeyId(seal(rotated, "secret", "c"))).toBe(rotated.current.id);
    expect(rotated.current.id).not.toBe(sealedKeyId(sealed));
  });
});

describe("the sealing key's configuration", () => {
  it("is optional, and then nothing can be sealed", () => {
    expect(sealingKeysFrom(parseEnv({}))).toBeNull();
  });

  it.each([
    [{ SECRETS_KEY: "short" }, /SECRETS_KEY: SECRETS_KEY must be 32 random bytes in base64/],
    [{ SECRETS_KEY: Buffer.alloc(16).toString("base64") }, /SECRETS_KEY must be 32 random bytes/],
    [{ SECRETS_KEY: newKey(), SECRETS_OLD_KEYS: `${newKey()},nope` }, /Each key in SECRETS_OLD_KEYS must be 32/],
  ])("refuses %j with a message naming the variable", (source, message) => {
    expect(() => parseEnv(source)).toThrow(message);
  });

  it("refuses old keys without a current one", () => {
    expect(() => sealingKeysFrom(parseEnv({ SECRETS_OLD_KEYS: newKey() }))).toThrow(ConfigurationError);
  });
});
