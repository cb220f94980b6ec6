import { RulingSummaryList } from "@/components/rulings/ruling-summary-list";
import { SourceLink } from "@/components/sources/source-link";
import type { AgencyEntry } from "@/lib/data/agencies.server";

const muted = "text-ink-muted dark:text-ink-inverse/70";

/** An agency: what it is, where, what part it played, and the figures and rulings attributed to it. */
export function AgencyEntryArticle({ agency }: { agency: AgencyEntry }) {
  const headingId = `${agency.id}-heading`;
  return (
    <article
      id={agency.id}
      aria-labelledby={headingId}
      data-agency-id={agency.id}
      className="scroll-mt-4 py-5 break-words"
    >
      <h3 id={headingId} className="font-serif text-xl font-bold">
        {agency.name}
        {agency.shortName ? <span className="font-normal"> ({agency.shortName})</span> : null}
      </h3>
      <p className={`mt-1 text-sm ${muted}`}>
        {agency.kindLabel} · {agency.countryName}
      </p>
      <p className="mt-2 max-w-3xl">{agency.role}</p>

      {agency.figures.length > 0 ? (
        <>
          <h4 className="mt-3 font-semibold">
            {agency.figures.length === 1 ? "1 figure" : `${agency.figures.length} figures`} attributed to it
          </h4>
          <ul className="mt-1 space-y-1">
            {agency.figures.map((figure) => (
              <li key={figure.id} data-figure-id={figure.id}>
                {figure.label}: <span className="font-semibold">{figure.display}</span>{" "}
                <span className={muted}>
                  (as of <time dateTime={figure.asOf}>{figure.asOfDisplay}</time>; <SourceLink source={figure.source} />
                  )
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {agency.rulings.length > 0 ? (
        <>
          <h4 className="mt-3 font-semibold">Rulings</h4>
          <RulingSummaryList rulings={agency.rulings} />
        </>
      ) : null}
    </article>
  );
}
