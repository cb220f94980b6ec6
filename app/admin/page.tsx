import Link from "next/link";
import { requireEditor } from "@/lib/auth/request.server";
import { db } from "@/lib/db.server";
import { overviewRows } from "@/lib/admin/queries.server";

export const metadata = { title: "Overview" };

export default async function AdminOverviewPage() {
  await requireEditor();
  const rows = await overviewRows(db);
  return (
    <div>
      <h1 className="mb-4 font-serif text-3xl font-bold">The record</h1>
      <table className="w-full max-w-2xl border-collapse text-left">
        <thead>
          <tr>
            <th scope="col" className="border-b p-2">
              Records
            </th>
            <th scope="col" className="border-b p-2 text-right">
              How many
            </th>
            <th scope="col" className="border-b p-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row" className="border-b p-2 font-normal">
                <Link href={row.list}>{row.label}</Link>
              </th>
              <td className="border-b p-2 text-right">{row.count}</td>
              <td className="border-b p-2">
                <Link href={row.create}>New</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-6">
        <Link href="/admin/import">Import figures from a CSV</Link> ·{" "}
        <Link href="/admin/history">See every change</Link>
      </p>
    </div>
  );
}
