import { plainRefusal } from "@/lib/embed/refusal";
import { parseRevisionParam } from "@/lib/embed/params";
import type { CitationFound } from "./read.server";
import { CITATION_FILES, citationFileName, parseCitationFile } from "./files";

const OPEN = { "Access-Control-Allow-Origin": "*" };

/**
 * The answer of a citation file's address, a figure's or a chart's: the file, or a refusal in a
 * sentence (404 for a file or thing that is not there, 400 for a `v` that is not a revision).
 * `find` reads the citation once the address is known to be well formed.
 */
export async function citationFileResponse(
  request: Request,
  fileName: string,
  find: (revision: number | null) => Promise<CitationFound>,
): Promise<Response> {
  const format = parseCitationFile(fileName);
  if (!format)
    return plainRefusal("No such citation file. Use citation.bib, citation.ris or citation.json.", 404, OPEN);
  const parsed = parseRevisionParam(new URL(request.url).searchParams);
  if (!parsed.ok) return plainRefusal(parsed.message, 400, OPEN);
  const found = await find(parsed.revision);
  if (!found.ok) return plainRefusal(found.message, 404, OPEN);
  const file = CITATION_FILES[format];
  return new Response(file.write(found.work), {
    headers: {
      ...OPEN,
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${citationFileName(found.work, format)}"`,
      // Even a pinned citation says the day it was read, so none is kept for long; an edit clears
      // this server's copy at once.
      "Cache-Control": "public, max-age=0, s-maxage=60",
    },
  });
}
