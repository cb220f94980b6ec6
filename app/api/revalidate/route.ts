import { isRevalidateTokenValid, revalidatePublicPages } from "@/lib/revalidate.server";

export const dynamic = "force-dynamic";

/** Used by `npm start` once the server is up, and by the tests after they change the database. */
export async function POST(request: Request) {
  if (!isRevalidateTokenValid(request.headers.get("x-revalidate-token"))) {
    return Response.json({ error: "A valid x-revalidate-token header is required." }, { status: 401 });
  }
  revalidatePublicPages();
  return Response.json({ revalidated: true });
}
