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

/** What browsers send, so that pages are measured as readers get them: compressed. */
export const BROWSER_HEADERS = { "accept-encoding": "gzip, deflate, br" };

function throughputOf(path: string, result: autocannon.Result): Throughput {
  return {
    path,
    requests: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: result.errors + result.timeouts + result.non2xx,
    serverErrors: result["5xx"],
  };
}

/** Requests per second over `paths`, taken in turn by every connection. */
export async function measureThroughput(base: string, paths: string[], options: LoadOptions): Promise<Throughput> {
  for (const path of paths) await (await fetch(`${base}${path}`)).arrayBuffer(); // render and cache once first
  const result = await autocannon({
    url: base,
    connections: options.connections,
    duration: options.seconds,
    headers: BROWSER_HEADERS,
    requests: paths.map((path) => ({ method: "GET", path })),
  });
  return throughputOf(paths.join(" + "), result);
}

export type Crawl = { crawler: Throughput & { busy: number }; readers: Throughput; readersAlone: Throughput };

/**
 * A crawler walking `queries` (each connection takes the next one not yet asked) while readers
 * on other connections read `page`; and the readers alone, for comparison. Nothing is warmed.
 */
export async function measureCrawl(
  base: string,
  queries: string[],
  page: string,
  options: LoadOptions & { readerConnections: number },
): Promise<Crawl> {
  const readers = { connections: options.readerConnections, seconds: options.seconds };
  const readersAlone = await measureThroughput(base, [page], readers);
  let next = 0;
  const [crawler, reading] = await Promise.all([
    autocannon({
      url: base,
      connections: options.connections,
      duration: options.seconds,
      headers: BROWSER_HEADERS,
      requests: [
        { method: "GET", setupRequest: (request) => ({ ...request, path: queries[next++ % queries.length]! }) },
      ],
    }),
    autocannon({
      url: base,
      connections: readers.connections,
      duration: readers.seconds,
      headers: BROWSER_HEADERS,
      requests: [{ method: "GET", path: page }],
    }),
  ]);
  const busy = (crawler.statusCodeStats as Record<string, { count: number }> | undefined)?.["503"]?.count ?? 0;
  const crawled = throughputOf(`${queries.length} distinct ${queries[0]?.split("?")[0]} queries`, crawler);
  return {
    crawler: { ...crawled, serverErrors: crawled.serverErrors - busy, busy },
    readers: throughputOf(page, reading),
    readersAlone,
  };
}

/** A page's HTML as sent uncompressed and with gzip, in bytes. */
export async function pageWeight(base: string, path: string): Promise<{ plain: number; gzip: number }> {
  const { gzipSync } = await import("node:zlib");
  const plain = Buffer.from(
    await (await fetch(`${base}${path}`, { headers: { "accept-encoding": "identity" } })).arrayBuffer(),
  );
  return { plain: plain.length, gzip: gzipSync(plain).length };
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
