import type { ChartSpec } from "@/lib/charts/types";
import type { CorrectionNotice } from "@/lib/corrections/pages.server";
import { chartRenderer, type RenderedEmbed } from "@/lib/render/renderer.server";
import { siteUrl } from "@/lib/site.server";
import type { EmbedParams } from "./params";

/**
 * A chart's embed document (decision 0008), with its correction notice when it carries one: what
 * `/embed/<chart>` serves, and what a held change's private preview of it serves (decision 0023).
 */
export function chartEmbedDocument(
  chart: ChartSpec,
  notice: CorrectionNotice | null,
  params: EmbedParams,
  chartUrl: string,
): RenderedEmbed {
  const correction = notice ? { text: notice.text, historyUrl: `${siteUrl()}${notice.historyPath}` } : null;
  return chartRenderer().embedDocument({ chart: { ...chart, correction }, params, chartUrl });
}
