import type { SourceSummary } from "@/lib/figures/view";
import { formatDate } from "@/lib/figures/format";

/**
 * A source's publisher and date, linked to the original, and marked when it is a mirror. The
 * article's title is on the sources page, not in a tooltip here: pages list dozens of these, and
 * every byte of a link is sent twice (in the HTML and in React's payload).
 */
export function SourceLink({ source }: { source: SourceSummary }) {
  return (
    <>
      <a href={source.url} rel="noopener noreferrer">
        {source.publisher}
        {source.publishedOn ? `, ${formatDate(source.publishedOn)}` : ""}
      </a>
      {source.copy === "mirror" ? (
        <span className="ml-1 text-xs uppercase tracking-wide">
          (mirror{source.copyOf ? ` of ${source.copyOf}` : ""})
        </span>
      ) : null}
    </>
  );
}
