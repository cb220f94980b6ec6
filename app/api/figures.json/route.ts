import { asAtCacheControl, asAtJson } from "@/lib/as-at/answer";
import { findAsAt } from "@/lib/as-at/read.server";
import { plainRefusal } from "@/lib/embed/refusal";
import { fetchFiguresForExport } from "@/lib/figures/read.server";

const OPEN = { "Access-Control-Allow-Origin": "*" };

/**
 * The whole dataset as JSON (its shape is documented in the README); `?at=<YYYY-MM-DD or
 * revision>` gives it as it stood then, replayed from the revision log, and says which revision.
 */
export async function GET(request: Request) {
  const found = await findAsAt(new URL(request.url).searchParams.get("at"));
  if (!found.ok) return plainRefusal(found.message, 400, OPEN);
  const { asAt } = found;
  const figures = await fetchFiguresForExport(asAt?.revision ?? null);
  return Response.json(
    { ...(asAt ? { asAt: asAtJson(asAt) } : {}), count: figures.length, figures },
    { headers: { ...OPEN, "Cache-Control": asAtCacheControl(asAt) } },
  );
}
