/** HTTP load from this second process on loopback (autocannon), and the arithmetic of its results. */
import autocannon from "autocannon";

export type Throughput = {
  path: string;
  requests: number;
  p50: number;
  p99: number;
  failed: number;
  serverErrors: number;
};

export type LoadOptions = { connections: number; seconds: number };

/** Requests per second over `paths`, taken in turn by every connection. */
export async function measureThroughput(base: string, paths: string[], options: LoadOptions): Promise<Throughput> {
  for (const path of paths) await (await fetch(`${base}${path}`)).arrayBuffer(); // render and cache once first
  const result = await autocannon({
    url: base,
    connections: options.connections,
    duration: options.seconds,
    requests: paths.map((path) => ({ method: "GET", path })),
  });
  return {
    path: paths.join(" + "),
    requests: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: result.errors + result.timeouts + result.non2xx,
    serverErrors: result["5xx"],
  };
}

export function percentile(values: number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

export const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** A Markdown table, so that the output can go into the README as it is. */
export function markdownTable(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(" | ")} |`;
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n");
}
