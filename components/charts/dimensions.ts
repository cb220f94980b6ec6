import type { BarPanel } from "@/lib/charts/types";

/**
 * The sizes charts are drawn at, apart from the drawing code: server components and the
 * oEmbed answer need them without loading Recharts, whose classes cannot load there.
 */
export const TIMELINE_HEIGHT = 340;
export const ROW_HEIGHT = 46;
export const BAR_SIZE = 16;
export const PANEL_TOP = 22;

/** A panel's height depends only on its number of bars, so its space is reserved exactly. */
export function panelHeight(panel: BarPanel): number {
  return panel.bars.length * ROW_HEIGHT + 8;
}
