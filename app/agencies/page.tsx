import type { Metadata } from "next";
import { AgencyEntryArticle } from "@/components/agencies/agency-entry";
import { fetchAgencyGroups } from "@/lib/data/agencies.server";

// Rendered once, then served from the cache until an editor's save revalidates it.
export const revalidate = 60;

const title = "Agencies";
const description =
  "The bodies involved in Operation Venetic and the EncroChat take-down (the NCA, regional units, police forces, foreign and EU agencies, prosecutors and courts), with the figures attributed to each.";

export const metadata: Metadata = { title, description, openGraph: { title, description } };

export default async function AgenciesPage() {
  const groups = await fetchAgencyGroups();
  return (
    <article>
      <h1 className="font-serif text-4xl font-bold">Agencies</h1>
      <p className="mt-3 max-w-3xl text-lg">
        Who took part, by kind: what each body is, where it sits, the part it played, and the figures the sources
        attribute to it. Courts are listed with their rulings on the evidence.
      </p>
      {groups.map((group) => (
        <section key={group.kind} aria-labelledby={`kind-${group.kind}`} className="mt-10">
          <h2
            id={`kind-${group.kind}`}
            className="border-b border-black/20 pb-1 font-serif text-2xl font-bold dark:border-white/25"
          >
            {group.label}
          </h2>
          <div className="divide-y divide-black/10 dark:divide-white/15">
            {group.agencies.map((agency) => (
              <AgencyEntryArticle key={agency.id} agency={agency} />
            ))}
          </div>
        </section>
      ))}
    </article>
  );
}
