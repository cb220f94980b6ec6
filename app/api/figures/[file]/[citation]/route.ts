import { fetchFigureCitation } from "@/lib/citations/read.server";
import { citationFileResponse } from "@/lib/citations/response";
import { isFigureId } from "@/lib/figures/card";
import { plainRefusal } from "@/lib/embed/refusal";

// Next allows one name per dynamic segment, and `/api/figures/<figure>.png` named this one `file`.
type Context = { params: Promise<{ file: string; citation: string }> };

/**
 * `/api/figures/<figure>/citation.bib`, `.ris`, `.json` (CSL-JSON): how to cite the figure, pinned
 * to its last change, or with `?v=<revision>` as it stood then.
 */
export async function GET(request: Request, { params }: Context) {
  const { file: id, citation } = await params;
  if (!isFigureId(id)) {
    return plainRefusal("There is no figure at this address.", 404, { "Access-Control-Allow-Origin": "*" });
  }
  return citationFileResponse(request, citation, (revision) => fetchFigureCitation(id, revision));
}
