import { z } from "zod";
import { requiredText } from "./fields";

export const MIN_PASSWORD_LENGTH = 12;
/** argon2 accepts any length; a bound stops a megabyte "password" from costing the server. */
export const MAX_PASSWORD_LENGTH = 256;

export const ROLES = ["editor", "admin"] as const;

export const ROLE_LABELS = {
  editor: "Editor (edits the record)",
  admin: "Admin (also manages editors)",
} as const satisfies Record<(typeof ROLES)[number], string>;

export const editorEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "An email address is at most 254 characters.")
  .pipe(z.email("Enter an email address such as name@example.org."));

export const newPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters.`);

export const newEditorSchema = z.object({
  email: editorEmail,
  name: requiredText(200, "The name"),
  role: z.enum(ROLES, "Choose a role."),
  password: newPassword,
});

export type NewEditor = z.infer<typeof newEditorSchema>;

export const signInSchema = z.object({
  email: z.string().trim().min(1, "Enter your email address.").max(254, "An email address is at most 254 characters."),
  password: z.string().min(1, "Enter your password.").max(MAX_PASSWORD_LENGTH, "That password is too long."),
});
