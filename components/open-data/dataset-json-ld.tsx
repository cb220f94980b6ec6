import { jsonForScript } from "@/lib/escape";
import type { DatasetJsonLd as Dataset } from "@/lib/open-data/dataset";

/**
 * The record described as a schema.org Dataset, for search engines' dataset search. A data block
 * is never run, so the page's script policy needs no hash for it; its text is escaped so that
 * nothing in a label or a source's name (a `</script>`) can end the element.
 */
export function DatasetJsonLd({ dataset }: { dataset: Dataset }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(dataset) }} />;
}
