import { ATOM_CONTENT_TYPE } from "@/lib/corrections/atom";
import { fetchAtomFeed } from "@/lib/corrections/pages.server";

export const revalidate = 60;

/** Every correction as an Atom feed; kept ready and cleared on every change like the pages (decision 0017). */
export async function GET() {
  return new Response(await fetchAtomFeed("corrections"), {
    headers: { "Content-Type": ATOM_CONTENT_TYPE, "Access-Control-Allow-Origin": "*" },
  });
}
