import { figuresDataPackage } from "@/lib/open-data/datapackage";
import { fetchRecordFacts } from "@/lib/open-data/read.server";
import { siteUrl } from "@/lib/site.server";

export const revalidate = 60;

/**
 * The whole dataset's CSV described as a Frictionless Tabular Data Package: its columns, types,
 * units and constraints, its licence and the revision it stands at. Kept ready and cleared on
 * every change like the data files it describes (decision 0017).
 */
export async function GET() {
  return Response.json(figuresDataPackage(await fetchRecordFacts(), siteUrl()), {
    headers: { "Access-Control-Allow-Origin": "*" },
  });
}
