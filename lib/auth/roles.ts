import type { Role } from "./sessions.server";

export const ADMINS_ONLY_MESSAGE = "Nothing was changed: only an admin can do this.";

/** Whether an editor of `role` may do what `needed` may: an admin may do all an editor may. */
export function hasRole(editor: { role: Role }, needed: Role): boolean {
  return needed === "editor" || editor.role === "admin";
}
