import { z } from "zod";
import { databaseUrl } from "@/lib/database-url.server";
import { parseTrustedProxies } from "@/lib/http/trusted-proxies.server";

/** A key of 32 random bytes, in base64, as `openssl rand -base64 32` prints one. */
function sealingKey(subject: string) {
  return z
    .string()
    .trim()
    .refine(
      (value) => /^[A-Za-z0-9+/]+={0,2}$/.test(value) && Buffer.from(value, "base64").length === 32,
      `${subject} 32 random bytes in base64, such as the output of \`openssl rand -base64 32\`.`,
    );
}

/**
 * Every setting the app reads from the environment, checked once at start-up: a bad value
 * stops the app with a message naming the variable, instead of failing later on a page.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .optional()
    .transform((value, context) => {
      try {
        return databaseUrl(value);
      } catch (error) {
        context.addIssue({ code: "custom", message: (error as Error).message });
        return z.NEVER;
      }
    }),
  PORT: z.coerce
    .number({ message: "PORT must be a number." })
    .int("PORT must be a whole number.")
    .min(1, "PORT must be between 1 and 65535.")
    .max(65535, "PORT must be between 1 and 65535.")
    .default(3000),
  HOSTNAME: z.string().trim().min(1).optional(),
  /**
   * Which proxies in front may say who the client is (X-Forwarded-For): none by default, so that a
   * client reaching the app directly cannot claim another address to dodge the sign-in throttle.
   */
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .transform((value, context) => {
      const parsed = parseTrustedProxies(value);
      if (parsed.ok) return parsed.trust;
      context.addIssue({ code: "custom", message: parsed.message });
      return z.NEVER;
    }),
  /** The public address of the site, used in embed code and oEmbed answers. */
  SITE_URL: z
    .string()
    .trim()
    .refine(
      (value) => /^https?:\/\/[^\s/]+/.test(value),
      "SITE_URL must be an http(s) address, such as https://venetic.example.org.",
    )
    .optional(),
  /**
   * How many days a corrected figure or chart carries its "Corrected on …" notice, in pages,
   * embeds and images (issue #16); 0 shows none. The corrections page and feed keep every one.
   */
  CORRECTION_NOTICE_DAYS: z.coerce
    .number({ message: "CORRECTION_NOTICE_DAYS must be a number of days, such as 30." })
    .int("CORRECTION_NOTICE_DAYS must be a whole number of days.")
    .min(0, "CORRECTION_NOTICE_DAYS must be 0 (no notice) or more.")
    .max(3650, "CORRECTION_NOTICE_DAYS must be at most 3650 (ten years).")
    .default(30),
  /**
   * Whether an editor's change waits for another editor's approval before it goes public
   * (issue #15, decision 0023): off by default, when a save is public at once.
   */
  REVIEW_BEFORE_PUBLISHING: z
    .enum(["on", "off"], { message: "REVIEW_BEFORE_PUBLISHING must be on or off." })
    .default("off")
    .transform((value) => value === "on"),
  /** Lets `npm start` (and the tests) ask the running server to refresh its cached pages. */
  REVALIDATE_TOKEN: z.string().min(32, "REVALIDATE_TOKEN must be at least 32 characters, or unset.").optional(),
  /** The first admin, created on the first start when there are no editors (see README). */
  ADMIN_EMAIL: z.email("ADMIN_EMAIL must be an email address, or unset.").optional(),
  ADMIN_PASSWORD: z
    .string()
    .min(12, "ADMIN_PASSWORD must be at least 12 characters, or unset.")
    .max(256, "ADMIN_PASSWORD must be at most 256 characters.")
    .optional(),
  /**
   * Seals the editors' second-factor secrets at rest (AES-256-GCM, lib/auth/sealed-secrets.server.ts):
   * 32 random bytes in base64. Needed as soon as any editor has a second factor.
   */
  SECRETS_KEY: sealingKey("SECRETS_KEY must be").optional(),
  /**
   * Keys used before SECRETS_KEY, comma-separated, still accepted to open what they sealed until
   * `npm run editor -- rotate-key` has sealed everything again under SECRETS_KEY.
   */
  SECRETS_OLD_KEYS: z
    .string()
    .optional()
    .transform((value) =>
      (value ?? "")
        .split(",")
        .map((key) => key.trim())
        .filter(Boolean),
    )
    .pipe(z.array(sealingKey("Each key in SECRETS_OLD_KEYS must be"))),
  /**
   * Read by Next.js itself: instances built separately must share it for their server actions
   * to work across a load balancer (docs/deploy.md). An AES key, base64.
   */
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: z
    .string()
    .trim()
    .refine(
      (value) => /^[A-Za-z0-9+/]+={0,2}$/.test(value) && [16, 24, 32].includes(Buffer.from(value, "base64").length),
      "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must be 16, 24 or 32 random bytes in base64, such as the output of `openssl rand -base64 32`.",
    )
    .optional(),
});

export type Env = z.infer<typeof envSchema>;

export class ConfigurationError extends Error {
  override name = "ConfigurationError";
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const relevant = Object.fromEntries(
    Object.keys(envSchema.shape).map((key) => [key, source[key] === "" ? undefined : source[key]]),
  );
  const result = envSchema.safeParse(relevant);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new ConfigurationError(`Invalid configuration in the environment:\n${lines.join("\n")}`);
}

let cached: Env | undefined;

/** The validated environment of this process. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
