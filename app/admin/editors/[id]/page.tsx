import { notFound } from "next/navigation";
import { SessionList, SignInHistory } from "@/components/admin/account-activity";
import { EndEditorSessionsForm } from "@/components/admin/session-forms";
import { requireEditor } from "@/lib/auth/request.server";
import { openSessionsOf } from "@/lib/auth/sessions.server";
import { signInHistoryOf } from "@/lib/auth/sign-in-history.server";
import { db } from "@/lib/db.server";

export const metadata = { title: "An editor's sessions and sign-ins" };

type Props = { params: Promise<{ id: string }> };

/** For an admin: where an editor is signed in, and every attempt to sign in as them. */
export default async function EditorActivityPage({ params }: Props) {
  const signedIn = await requireEditor();
  if (signedIn.role !== "admin") {
    return (
      <div>
        <h1 className="mb-4 font-serif text-3xl font-bold">Editors</h1>
        <p>Only an admin sees an editor&rsquo;s sessions and sign-ins.</p>
      </div>
    );
  }
  const { id } = await params;
  const editor = await db.editor.findUnique({ where: { id }, select: { id: true, name: true, email: true } });
  if (!editor) notFound();
  const [sessions, attempts] = await Promise.all([openSessionsOf(db, editor.id), signInHistoryOf(db, editor.id)]);
  return (
    <div className="max-w-3xl">
      <h1 className="mb-4 font-serif text-3xl font-bold">
        {editor.name} ({editor.email})
      </h1>
      <h2 className="mb-2 text-xl font-bold">Where they are signed in</h2>
      <SessionList sessions={sessions} current={signedIn.sessionId} endable={false} />
      {editor.id === signedIn.id ? null : <EndEditorSessionsForm email={editor.email} />}
      <h2 className="mt-8 mb-2 text-xl font-bold">Sign-in history</h2>
      <p className="mb-2">Every attempt to sign in to this account in the last 90 days.</p>
      <SignInHistory attempts={attempts} />
    </div>
  );
}
