import { fetchChartCitation } from "@/lib/citations/read.server";
import { citationFileResponse } from "@/lib/citations/response";

// Next allows one name per dynamic segment, and `/api/charts/<chart>.csv` named this one `file`.
type Context = { params: Promise<{ file: string; citation: string }> };

/**
 * `/api/charts/<chart>/citation.bib`, `.ris`, `.json` (CSL-JSON): how to cite the chart, pinned to
 * the newest revision, or with `?v=<revision>` as it stood then. A draft has none (404).
 */
export async function GET(request: Request, { params }: Context) {
  const { file: slug, citation } = await params;
  return citationFileResponse(request, citation, (revision) => fetchChartCitation(slug, revision));
}
