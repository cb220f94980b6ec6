import Link from "next/link";
import { requireEditor } from "@/lib/auth/request";
import { db } from "@/lib/db.server";
import { FIGURE_KIND_LABELS, FIGURE_KINDS } from "@/lib/domain/vocabulary";
import { ADMIN_SECTIONS } from "@/lib/admin/paths";
import { countRecords } from "@/lib/admin/queries";

export const metadata = { title: "Overview" };

export default async function AdminOverviewPage() {
  await requireEditor();
  const counts = await countRecords(db);
  const rows = [
    ...FIGURE_KINDS.map((kind) => ({
      label: FIGURE_KIND_LABELS[kind],
      count: counts.figures[kind] ?? 0,
      list: `/admin/figures?kind=${kind}`,
      create: "/admin/figures/new",
    })),
    {
      label: "Sources",
      count: counts.source,
      list: ADMIN_SECTIONS.source.path,
      create: `${ADMIN_SECTIONS.source.path}/new`,
    },
    {
      label: "Agencies",
      count: counts.agency,
      list: ADMIN_SECTIONS.agency.path,
      create: `${ADMIN_SECTIONS.agency.path}/new`,
    },
    {
      label: "Rulings",
      count: counts.ruling,
      list: ADMIN_SECTIONS.ruling.path,
      create: `${ADMIN_SECTIONS.ruling.path}/new`,
    },
  ];
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
