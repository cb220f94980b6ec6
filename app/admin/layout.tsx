import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { SubmitButton } from "@/components/admin/submit-button";
import { signOutAction } from "@/lib/auth/actions";
import { ACCOUNT_PATH, currentEditor } from "@/lib/auth/request.server";
import { EDITABLE_RECORDS } from "@/lib/records/registry";
import { REVIEW_PATH } from "@/lib/review/paths";

export const metadata: Metadata = {
  title: "Editors' admin",
  robots: { index: false, follow: false },
};

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const editor = await currentEditor();
  return (
    <div>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-4 border-b border-black/10 pb-3 dark:border-white/15">
        <p className="font-bold">Editors&apos; admin</p>
        {editor ? (
          <>
            <nav aria-label="Admin">
              {/* Until a required second factor is set up, the account page is the only one open. */}
              {editor.mustSetUpSecondFactor ? (
                <ul className="flex flex-wrap gap-x-4 gap-y-1">
                  <li>
                    <Link href={ACCOUNT_PATH}>Your account</Link>
                  </li>
                </ul>
              ) : (
                <ul className="flex flex-wrap gap-x-4 gap-y-1">
                  <li>
                    <Link href="/admin">Overview</Link>
                  </li>
                  {Object.values(EDITABLE_RECORDS).map((section) => (
                    <li key={section.path}>
                      <Link href={section.path}>{section.plural}</Link>
                    </li>
                  ))}
                  <li>
                    <Link href="/admin/releases/new">Add a release</Link>
                  </li>
                  <li>
                    <Link href="/admin/import">Import CSV</Link>
                  </li>
                  <li>
                    <Link href={REVIEW_PATH}>Review and schedule</Link>
                  </li>
                  <li>
                    <Link href="/admin/history">History</Link>
                  </li>
                  {editor.role === "admin" ? (
                    <li>
                      <Link href="/admin/editors">Editors</Link>
                    </li>
                  ) : null}
                  <li>
                    <Link href={ACCOUNT_PATH}>Your account</Link>
                  </li>
                </ul>
              )}
            </nav>
            <form action={signOutAction} className="flex items-center gap-3 text-sm">
              <span>
                {editor.name} ({editor.role})
              </span>
              <SubmitButton tone="plain" pendingLabel="Signing out…">
                Sign out
              </SubmitButton>
            </form>
          </>
        ) : null}
      </div>
      {children}
    </div>
  );
}
