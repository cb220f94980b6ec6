import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/db/client.server";
import { ConfigurationError, parseEnv } from "@/lib/env.server";

/**
 * Secrets the server must read back (an authenticator app's TOTP secret) are sealed with
 * AES-256-GCM under a key from configuration, never from the database, so a copy of the
 * database alone gives nothing away. Each sealed value names the key that sealed it, so keys
 * can be rotated: SECRETS_KEY seals, SECRETS_OLD_KEYS still open what they sealed until
 * `npm run editor -- rotate-key` has sealed it all again (decision 0009).
 *
 * A sealed value: `sealed.v1.<key id>.<iv>.<ciphertext and tag>`, base64url. The value is also
 * bound to what it belongs to (its context, such as the editor's id), so a sealed secret copied
 * onto another editor's row does not open.
 */

const PREFIX = "sealed.v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export type SealingKey = { id: string; key: Buffer };
export type SealingKeys = { current: SealingKey; byId: ReadonlyMap<string, Buffer> };

export class SealingError extends Error {
  override name = "SealingError";
}

export const NO_SEALING_KEY_MESSAGE =
  "The second factor cannot be set up here yet: the site has no sealing key. Whoever runs the server sets SECRETS_KEY (see the README).";

/**
 * A short name for a key, written in every value it seals: the first 8 hex digits of a hash of
 * the key, which says which key to use and nothing about the key itself.
 */
export function sealingKeyId(key: Buffer): string {
  return createHash("sha256").update("venetic sealing key id\0").update(key).digest("hex").slice(0, 8);
}

/** The keys from SECRETS_KEY and SECRETS_OLD_KEYS (already checked by lib/env.server.ts), or null when none is set. */
export function sealingKeysFrom(config: { SECRETS_KEY?: string; SECRETS_OLD_KEYS: string[] }): SealingKeys | null {
  if (!config.SECRETS_KEY) {
    if (config.SECRETS_OLD_KEYS.length > 0) {
      throw new ConfigurationError(
        "SECRETS_OLD_KEYS is set but SECRETS_KEY is not: set SECRETS_KEY to the key that seals from now on.",
      );
    }
    return null;
  }
  const toKey = (text: string): SealingKey => {
    const key = Buffer.from(text, "base64");
    return { id: sealingKeyId(key), key };
  };
  const current = toKey(config.SECRETS_KEY);
  const byId = new Map<string, Buffer>();
  for (const old of config.SECRETS_OLD_KEYS.map(toKey)) byId.set(old.id, old.key);
  byId.set(current.id, current.key);
  return { current, byId };
}

let cached: { source: string; keys: SealingKeys | null } | undefined;

/** The keys this process was configured with, read again only when the environment changes. */
export function configuredSealingKeys(): SealingKeys | null {
  const source = `${process.env.SECRETS_KEY ?? ""}|${process.env.SECRETS_OLD_KEYS ?? ""}`;
  if (cached?.source !== source) {
    const config = parseEnv({ SECRETS_KEY: process.env.SECRETS_KEY, SECRETS_OLD_KEYS: process.env.SECRETS_OLD_KEYS });
    cached = { source, keys: sealingKeysFrom(config) };
  }
  return cached.keys;
}

export function isSealed(value: string): boolean {
  return value.startsWith(`${PREFIX}.`);
}

/** The id of the key a value was sealed with, or null when it is not a sealed value. */
export function sealedKeyId(value: string): string | null {
  if (!isSealed(value)) return null;
  return value.split(".")[2] ?? null;
}

export function seal(keys: SealingKeys, plaintext: string, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keys.current.key, iv);
  cipher.setAAD(Buffer.from(context));
  const sealed = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return [PREFIX, keys.current.id, iv.toString("base64url"), sealed.toString("base64url")].join(".");
}

/** Opens a sealed value; throws SealingError when its key is not configured or it was altered. */
export function unseal(keys: SealingKeys, value: string, context: string): string {
  const parts = value.split(".");
  if (parts.length !== 5 || `${parts[0]}.${parts[1]}` !== PREFIX) throw new SealingError("This is not a sealed value.");
  const [, , keyId, ivText, sealedText] = parts as [string, string, string, string, string];
  const key = keys.byId.get(keyId);
  if (!key) {
    throw new SealingError(
      `A secret is sealed with key ${keyId}, which is neither SECRETS_KEY nor in SECRETS_OLD_KEYS.`,
    );
  }
  const iv = Buffer.from(ivText, "base64url");
  const sealed = Buffer.from(sealedText, "base64url");
  // Node's decoder skips stray characters and spare bits: only the one spelling of the bytes is sealed.
  const canonical = iv.toString("base64url") === ivText && sealed.toString("base64url") === sealedText;
  if (!canonical || iv.length !== IV_BYTES || sealed.length < TAG_BYTES) {
    throw new SealingError("This sealed value is damaged.");
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv);
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    throw new SealingError("This sealed value does not open with its key: it was altered, or belongs elsewhere.");
  }
}

/** What an editor's TOTP secret is bound to: their row, so it opens nowhere else. */
export function totpSecretContext(editorId: string): string {
  return `totp-secret:${editorId}`;
}

/**
 * On every start (scripts/cli/start.ts), before serving: stops with a message when second factors
 * are on whose secrets the configured keys cannot open, and seals any secret still stored as it
 * is (from before sealing existed), so that an upgrade needs nothing but SECRETS_KEY. A secret
 * that cannot be opened but is not in force yet (a set-up left half-way) is dropped instead: the
 * account page makes a new one.
 */
export async function sealSecretsAtStart(db: PrismaClient, keys: SealingKeys | null): Promise<{ sealed: number }> {
  const opens = (secret: string) => Boolean(keys) && (!isSealed(secret) || keys!.byId.has(sealedKeyId(secret)!));
  const waiting = await db.editor.findMany({
    where: { totpSecret: { not: null }, totpEnabledAt: null },
    select: { id: true, totpSecret: true },
  });
  for (const editor of waiting.filter((editor) => !opens(editor.totpSecret!))) {
    await db.editor.updateMany({
      where: { id: editor.id, totpSecret: editor.totpSecret, totpEnabledAt: null },
      data: { totpSecret: null },
    });
  }
  const editors = await db.editor.findMany({
    where: { totpSecret: { not: null } },
    select: { id: true, email: true, totpSecret: true },
  });
  if (editors.length === 0) return { sealed: 0 };
  if (!keys) {
    throw new ConfigurationError(
      `${editors.length} editor${editors.length === 1 ? " has" : "s have"} a second factor on, and SECRETS_KEY is not set. ` +
        "Set SECRETS_KEY to the key they were sealed with (and SECRETS_OLD_KEYS to any older ones) and start again. " +
        "Without it nobody with a second factor can sign in; if the key is lost, see 'Recovering an account' in the README.",
    );
  }
  const unknown = [...new Set(editors.map((editor) => sealedKeyId(editor.totpSecret!)))].filter(
    (id): id is string => id !== null && !keys.byId.has(id),
  );
  if (unknown.length > 0) {
    throw new ConfigurationError(
      `Second-factor secrets are sealed with key ${unknown.join(", ")}, which is neither SECRETS_KEY nor in SECRETS_OLD_KEYS. ` +
        "Add the key they were sealed with to SECRETS_OLD_KEYS and start again.",
    );
  }
  let sealed = 0;
  for (const editor of editors) {
    if (isSealed(editor.totpSecret!)) continue;
    const { count } = await db.editor.updateMany({
      where: { id: editor.id, totpSecret: editor.totpSecret },
      data: { totpSecret: seal(keys, editor.totpSecret!, totpSecretContext(editor.id)) },
    });
    sealed += count;
  }
  return { sealed };
}

/**
 * `npm run editor -- rotate-key`: seals every secret again under SECRETS_KEY, opening each with
 * whichever configured key sealed it. Afterwards the old keys can be dropped from SECRETS_OLD_KEYS.
 * Each row is rewritten only if unchanged since it was read, so a code set up meanwhile is kept.
 */
export async function rotateSealingKey(db: PrismaClient, keys: SealingKeys): Promise<{ resealed: number }> {
  const editors = await db.editor.findMany({
    where: { totpSecret: { not: null } },
    select: { id: true, totpSecret: true },
  });
  let resealed = 0;
  for (const editor of editors) {
    const stored = editor.totpSecret!;
    if (sealedKeyId(stored) === keys.current.id) continue;
    const context = totpSecretContext(editor.id);
    const secret = isSealed(stored) ? unseal(keys, stored, context) : stored;
    const { count } = await db.editor.updateMany({
      where: { id: editor.id, totpSecret: stored },
      data: { totpSecret: seal(keys, secret, context) },
    });
    resealed += count;
  }
  return { resealed };
}
