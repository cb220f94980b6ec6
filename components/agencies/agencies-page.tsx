import { AgencyEntryArticle } from "@/components/agencies/agency-entry";
import type { AgencyGroup } from "@/lib/data/agencies.server";

/** The agencies page (`/agencies`): the public page's, and a held change's private preview's (decision 0023). */
export function AgenciesPage({ groups }: { groups: AgencyGroup[] }) {
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
