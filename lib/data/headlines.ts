import "server-only";
import { fetchChartInputs } from "@/lib/data/charts";
import { selectHeadlines, type Headlines } from "@/lib/headlines";

/** The headline figures, from the same read of the figures as the page's charts. */
export async function fetchHeadlines(): Promise<Headlines> {
  const { figures } = await fetchChartInputs();
  return selectHeadlines(figures);
}
