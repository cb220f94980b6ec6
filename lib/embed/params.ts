import { z } from "zod";

/** What an embed's address may ask for: `?theme=light|dark|auto&static=1&v=<revision>`. */
const embedParamsSchema = z.object({
  theme: z.enum(["light", "dark", "auto"], { message: "theme must be light, dark or auto." }).default("auto"),
  static: z
    .enum(["0", "1"], { message: "static must be 1 or 0." })
    .default("0")
    .transform((value) => value === "1"),
  v: z
    .string()
    .regex(/^[1-9]\d{0,9}$/, "v must be a revision number, such as v=42.")
    .transform(Number)
    .optional(),
});

export type EmbedParams = { theme: "light" | "dark" | "auto"; static: boolean; revision: number | null };

export type EmbedParamsResult = { ok: true; params: EmbedParams } | { ok: false; message: string };

export function parseEmbedParams(search: URLSearchParams): EmbedParamsResult {
  const raw = Object.fromEntries(
    ["theme", "static", "v"].flatMap((key) => {
      const value = search.get(key);
      return value === null || value === "" ? [] : [[key, value]];
    }),
  );
  const parsed = embedParamsSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((issue) => issue.message).join(" ") };
  return {
    ok: true,
    params: { theme: parsed.data.theme, static: parsed.data.static, revision: parsed.data.v ?? null },
  };
}

export type RevisionParamResult = { ok: true; revision: number | null } | { ok: false; message: string };

/** `?v=<revision>` alone, checked as an embed checks it: for addresses that pin but draw nothing (citation files). */
export function parseRevisionParam(search: URLSearchParams): RevisionParamResult {
  const value = search.get("v");
  if (value === null || value === "") return { ok: true, revision: null };
  const parsed = embedParamsSchema.shape.v.safeParse(value);
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((issue) => issue.message).join(" ") };
  return { ok: true, revision: parsed.data ?? null };
}
