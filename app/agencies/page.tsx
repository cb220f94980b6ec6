import type { Metadata } from "next";
import { AgenciesPage } from "@/components/agencies/agencies-page";
import { fetchAgencyGroups } from "@/lib/data/agencies.server";

// Rendered once, then served from the cache until an editor's save revalidates it.
export const revalidate = 60;

const title = "Agencies";
const description =
  "The bodies involved in Operation Venetic and the EncroChat take-down (the NCA, regional units, police forces, foreign and EU agencies, prosecutors and courts), with the figures attributed to each.";

export const metadata: Metadata = { title, description, openGraph: { title, description } };

export default async function AgenciesRoute() {
  const groups = await fetchAgencyGroups();
  return <AgenciesPage groups={groups} />;
}
