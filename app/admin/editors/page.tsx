import Link from "next/link";
import {
  AddEditorForm,
  EditorAccessForm,
  ResetPasswordForm,
  SecondFactorAdminForm,
} from "@/components/admin/editor-forms";
import { EndEditorSessionsForm } from "@/components/admin/session-forms";
import { requireEditor } from "@/lib/auth/request.server";
import { db } from "@/lib/db.server";

export const metadata = { title: "Editors" };

export default async function EditorsPage() {
  const signedIn = await requireEditor();
  if (signedIn.role !== "admin") {
    return (
      <div>
        <h1 className="mb-4 font-serif text-3xl font-bold">Editors</h1>
        <p>Only an admin manages editors.</p>
      </div>
    );
  }
  const editors = await db.editor.findMany({
    orderBy: [{ disabledAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      disabledAt: true,
      totpEnabledAt: true,
      totpRequired: true,
      _count: { select: { sessions: true, passkeys: true } },
    },
  });
  return (
    <div>
      <h1 className="mb-4 font-serif text-3xl font-bold">Editors</h1>
      <ul aria-label="Editors" className="mb-10 divide-y divide-black/10 dark:divide-white/15">
        {editors.map((editor) => (
          <li key={editor.id} className="space-y-2 py-3">
            <p>
              <span className="font-semibold">{editor.name}</span> ({editor.email}), {editor.role}
              {editor.disabledAt
                ? ", disabled"
                : `, ${editor._count.sessions} open session${editor._count.sessions === 1 ? "" : "s"}`}
            </p>
            <p>{secondFactorSummary(editor)}</p>
            <p>
              <Link href={`/admin/editors/${editor.id}`}>{`Sessions and sign-in history of ${editor.email}`}</Link>
            </p>
            {editor.email === signedIn.email ? null : (
              <EditorAccessForm email={editor.email} disabled={Boolean(editor.disabledAt)} />
            )}
            {editor.email === signedIn.email ? null : <EndEditorSessionsForm email={editor.email} />}
            <ResetPasswordForm email={editor.email} />
            <SecondFactorAdminForm
              email={editor.email}
              required={editor.totpRequired}
              on={Boolean(editor.totpEnabledAt) || editor._count.passkeys > 0}
              self={editor.email === signedIn.email}
            />
          </li>
        ))}
      </ul>
      <h2 className="mb-2 text-xl font-bold">Add an editor</h2>
      <AddEditorForm />
    </div>
  );
}

function secondFactorSummary(editor: {
  totpEnabledAt: Date | null;
  totpRequired: boolean;
  _count: { passkeys: number };
}): string {
  const passkeys = editor._count.passkeys;
  const kinds = [
    editor.totpEnabledAt ? "authenticator app" : null,
    passkeys > 0 ? `${passkeys} passkey${passkeys === 1 ? "" : "s"}` : null,
  ].filter(Boolean);
  if (kinds.length === 0) return editor.totpRequired ? "Second factor: required, not set up yet" : "Second factor: off";
  // The authenticator app alone reads as before: "on".
  const which = passkeys > 0 ? ` (${kinds.join(", ")})` : "";
  return `Second factor: on${editor.totpRequired ? " (required)" : ""}${which}`;
}
