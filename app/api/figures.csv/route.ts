import { asAtCacheControl, asAtFileName, asAtHeaders } from "@/lib/as-at/answer";
import { findAsAt } from "@/lib/as-at/read.server";
import { plainRefusal } from "@/lib/embed/refusal";
import { figuresCsv } from "@/lib/figures/export";
import { fetchFiguresForExport } from "@/lib/figures/read.server";

const OPEN = { "Access-Control-Allow-Origin": "*" };

/**
 * The whole dataset as CSV, safe to open in a spreadsheet; `?at=<YYYY-MM-DD or revision>` gives
 * it as it stood then, named in its headers and its file name (a CSV has no place for a comment).
 */
export async function GET(request: Request) {
  const found = await findAsAt(new URL(request.url).searchParams.get("at"));
  if (!found.ok) return plainRefusal(found.message, 400, OPEN);
  const { asAt } = found;
  return new Response(figuresCsv(await fetchFiguresForExport(asAt?.revision ?? null)), {
    headers: {
      ...OPEN,
      ...asAtHeaders(asAt),
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${asAtFileName("venetic-figures", "csv", asAt)}"`,
      "Cache-Control": asAtCacheControl(asAt),
      ...(asAt ? { "Access-Control-Expose-Headers": "X-Record-Revision, X-Record-As-At" } : {}),
    },
  });
}
