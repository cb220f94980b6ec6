import { fetchFiguresForExport } from "@/lib/figures/read.server";

export const revalidate = 60;

/** The whole dataset as JSON (its shape is documented in the README). */
export async function GET() {
  const figures = await fetchFiguresForExport();
  return Response.json({ count: figures.length, figures }, { headers: { "Access-Control-Allow-Origin": "*" } });
}
