import { RECORD_DESCRIPTION, RECORD_KEYWORDS, type RecordFacts } from "./facts";
import { LICENCE, LICENCE_TERMS, RECORD_NAME } from "./licence";

/**
 * The record as a schema.org Dataset, for the JSON-LD on the overview and the figures table:
 * what search engines' dataset search reads. Google requires `name` and `description`; the rest
 * are the properties it recommends that the record can fill truthfully.
 */
export type DatasetJsonLd = {
  "@context": "https://schema.org";
  "@type": "Dataset";
  "@id": string;
  name: string;
  alternateName: string;
  description: string;
  url: string;
  keywords: string[];
  license: string;
  isAccessibleForFree: true;
  creditText: string;
  copyrightNotice: string;
  creator: { "@type": "Organization"; name: string; url: string };
  publisher: { "@type": "Organization"; name: string; url: string };
  datePublished?: string;
  dateModified?: string;
  version: string;
  temporalCoverage?: string;
  spatialCoverage: { "@type": "Place"; name: string }[];
  variableMeasured: string[];
  measurementTechnique: string;
  distribution: { "@type": "DataDownload"; name: string; encodingFormat: string; contentUrl: string }[];
};

/** The table of all figures is the dataset's own page; the overview describes the same dataset. */
export function datasetUrl(site: string): string {
  return `${site}/figures`;
}

export function datasetJsonLd(facts: RecordFacts, site: string): DatasetJsonLd {
  const organisation = { "@type": "Organization", name: RECORD_NAME, url: `${site}/` } as const;
  const span =
    facts.earliestAsOf && facts.latestAsOf
      ? facts.earliestAsOf === facts.latestAsOf
        ? facts.earliestAsOf
        : `${facts.earliestAsOf}/${facts.latestAsOf}`
      : null;
  return {
    "@context": "https://schema.org",
    "@type": "Dataset",
    "@id": `${datasetUrl(site)}#dataset`,
    name: RECORD_NAME,
    alternateName: "Reported outcomes of Operation Venetic (EncroChat) in the United Kingdom",
    description: RECORD_DESCRIPTION,
    url: datasetUrl(site),
    keywords: RECORD_KEYWORDS,
    license: LICENCE.url,
    isAccessibleForFree: true,
    creditText: RECORD_NAME,
    copyrightNotice: LICENCE_TERMS,
    creator: organisation,
    publisher: organisation,
    ...(facts.firstRevisionAt ? { datePublished: facts.firstRevisionAt.toISOString().slice(0, 10) } : {}),
    ...(facts.revisedAt ? { dateModified: facts.revisedAt.toISOString() } : {}),
    version: String(facts.revision),
    ...(span ? { temporalCoverage: span } : {}),
    spatialCoverage: facts.areas
      .filter((area) => area.reported)
      .map((area) => ({ "@type": "Place", name: area.label })),
    variableMeasured: facts.metrics.filter((metric) => metric.reported).map((metric) => metric.label),
    measurementTechnique:
      "Compiled by hand from press releases, news reports, statistics updates and court judgments; each figure recorded as its source reported it, with the source named, and every change kept in the record's revision log.",
    distribution: [
      {
        "@type": "DataDownload",
        name: "Every figure, as CSV",
        encodingFormat: "text/csv",
        contentUrl: `${site}/api/figures.csv`,
      },
      {
        "@type": "DataDownload",
        name: "Every figure, as JSON",
        encodingFormat: "application/json",
        contentUrl: `${site}/api/figures.json`,
      },
    ],
  };
}
