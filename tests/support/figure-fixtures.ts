import { toMinor } from "@/lib/domain/quantity";
import type { Unit } from "@/lib/domain/units";
import type { FigureKind, Qualifier } from "@/lib/domain/vocabulary";
import { formatDate, formatFigure } from "@/lib/figures/format";
import type { FigureView } from "@/lib/figures/view";

type FixtureInput = {
  id: string;
  metric: string;
  value: string;
  asOf: string;
  unit?: Unit;
  kind?: FigureKind;
  qualifier?: Qualifier;
  geography?: string;
  agencyCountry?: string;
  source?: string;
};

/** A figure as the pages receive it, built the way toFigureView builds it from a row. */
export function figureFixture(input: FixtureInput): FigureView {
  const unit = input.unit ?? "people";
  const qualifier = input.qualifier ?? "exact";
  const source = input.source ?? "source-a";
  const geography = input.geography ?? "uk";
  return {
    id: input.id,
    label: `Label of ${input.metric}`,
    kind: input.kind ?? "arrest",
    metric: { id: input.metric, label: `Metric ${input.metric}` },
    value: input.value,
    unit,
    qualifier,
    display: formatFigure(toMinor(input.value, unit), unit, qualifier),
    asOf: input.asOf,
    asOfDisplay: formatDate(input.asOf),
    geography: { id: geography, label: `${geography} (area)` },
    agency: { id: "agency", name: "Agency", shortName: null, country: input.agencyCountry ?? "GB" },
    source: {
      id: source,
      publisher: `Publisher ${source}`,
      title: null,
      url: `https://example.org/${source}`,
      publishedOn: input.asOf,
      kind: "press",
      copy: "original",
      copyOf: null,
    },
    quote: "quoted words",
    note: null,
  };
}
