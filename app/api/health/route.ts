import { db } from "@/lib/db.server";

export const dynamic = "force-dynamic";

/** For load balancers and the test harness: answers 200 once the database can be read. */
export async function GET() {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return Response.json({ status: "ok" });
  } catch {
    return Response.json({ status: "database unavailable" }, { status: 503 });
  }
}
