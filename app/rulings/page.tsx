import type { Metadata } from "next";
import { RulingsPage } from "@/components/rulings/rulings-page";
import { fetchRulings } from "@/lib/data/rulings.server";

// Rendered once, then served from the cache until an editor's save revalidates it.
export const revalidate = 60;

const title = "Court rulings";
const description =
  "The court rulings on the EncroChat evidence, in date order: the court, the case, the jurisdiction, what was decided and the source reporting it.";

export const metadata: Metadata = { title, description, openGraph: { title, description } };

export default async function RulingsRoute() {
  const rulings = await fetchRulings();
  return <RulingsPage rulings={rulings} />;
}
