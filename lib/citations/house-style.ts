import { formatPartialDate } from "@/lib/domain/partial-date";
import { drawnFromPhrase, type CitedWork } from "./cited-work";

/**
 * The record's house style for a citation in running text (decision 0018). A figure is cited as
 * its source's, "reported in" the record; a chart as the record's, drawn from its sources:
 *
 *   National Crime Agency (9 June 2022), “Operation Venetic…”, https://…; figure “People arrested:
 *   2,864 (United Kingdom, as at 8 June 2022)”, reported in Operation Venetic: the public record,
 *   revision 412, compiled 3 December 2026, https://…/embed/figure/…?v=412, accessed 5 December 2026.
 *
 *   Operation Venetic: the public record (3 December 2026), “UK totals”, chart drawn from figures
 *   reported by National Crime Agency, ITV News and 3 others, revision 412,
 *   https://…/embed/uk-totals?v=412, accessed 5 December 2026.
 *
 * React escapes the text where a page shows it; here it stays plain.
 */
export function citationInHouseStyle(work: CitedWork): string {
  const { record } = work;
  const when = (date: string | null) => (date === null ? "n.d." : formatPartialDate(date));
  const pinned = `revision ${record.revision}`;
  const tail = `${record.url}, accessed ${formatPartialDate(work.accessedOn)}.`;
  if (work.kind === "chart") {
    const drawn =
      work.drawnFrom.length > 0
        ? `, chart drawn from figures reported by ${drawnFromPhrase(work.drawnFrom)}`
        : ", chart";
    return `${work.author} (${when(work.issued)}), “${work.title}”${drawn}, ${pinned}, ${tail}`;
  }
  const source = work.source;
  const original = [
    `${work.author} (${when(work.issued)})`,
    ...(source?.title ? [`“${source.title}”`] : []),
    ...(source?.url ? [source.url] : []),
  ].join(", ");
  return `${original}; figure “${work.title}”, reported in ${record.name}, ${pinned}, compiled ${formatPartialDate(record.compiledOn)}, ${tail}`;
}
