import { figuresCsv } from "@/lib/figures/export";
import { fetchFiguresForExport } from "@/lib/figures/read.server";

export const revalidate = 60;

/** The whole dataset as CSV, safe to open in a spreadsheet. */
export async function GET() {
  return new Response(figuresCsv(await fetchFiguresForExport()), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="venetic-figures.csv"',
      "Access-Control-Allow-Origin": "*",
    },
  });
}
