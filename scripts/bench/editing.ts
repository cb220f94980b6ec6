/**
 * The bench's scenarios with an editor at work: reads while saves go on, the mixed load of the
 * hardening issue, and how long a save takes to show on the public page and in an embed.
 */
import { BenchEditor, type SaveOutcome } from "./editor-client";
import { measureThroughput, percentile, sleep, type LoadOptions, type Throughput } from "./load";

export type EditableFigure = { id: string; value: bigint };

/** UK figures with whole-number values, which the bench raises by one at each save (its database is a scratch copy). */
export async function editableFigures(base: string): Promise<EditableFigure[]> {
  const response = await fetch(`${base}/api/figures.json`);
  const { figures } = (await response.json()) as { figures: { id: string; value: string; area: string }[] };
  return figures
    .filter((figure) => figure.area === "uk" && /^\d+$/.test(figure.value))
    .map((figure) => ({ id: figure.id, value: BigInt(figure.value) }));
}

/**
 * Saves `count` times, one save starting every `intervalMs` at most, moving through the
 * figures in turn and giving each a new value; stops early when `stop` says so.
 */
export async function saveLoop(
  editor: BenchEditor,
  figures: EditableFigure[],
  options: { count: number; intervalMs: number; stop?: () => boolean },
): Promise<SaveOutcome[]> {
  const outcomes: SaveOutcome[] = [];
  for (let index = 0; index < options.count && !options.stop?.(); index += 1) {
    const started = performance.now();
    const figure = figures[index % figures.length]!;
    figure.value += 1n;
    outcomes.push(await editor.saveFigure(figure.id, String(figure.value), "Bench: saving under load"));
    await sleep(Math.max(0, options.intervalMs - (performance.now() - started)));
  }
  return outcomes;
}

export type SaveSummary = { saves: number; acknowledged: number; p50: number; p99: number; serverErrors: number };

export function summariseSaves(outcomes: SaveOutcome[]): SaveSummary {
  const acknowledged = outcomes.filter((outcome) => outcome.ok);
  const times = acknowledged.map((outcome) => outcome.milliseconds);
  return {
    saves: outcomes.length,
    acknowledged: acknowledged.length,
    p50: percentile(times, 0.5),
    p99: percentile(times, 0.99),
    serverErrors: outcomes.filter((outcome) => outcome.status >= 500).length,
  };
}

/** Reads of `paths` at full load while an editor saves a figure every 100 ms. */
export async function readsWhileSaving(
  base: string,
  editor: BenchEditor,
  figures: EditableFigure[],
  paths: string[],
  load: LoadOptions,
): Promise<{ reads: Throughput; saves: SaveSummary }> {
  let done = false;
  const saving = saveLoop(editor, figures, { count: Number.POSITIVE_INFINITY, intervalMs: 100, stop: () => done });
  const reads = await measureThroughput(base, paths, load).finally(() => {
    done = true;
  });
  return { reads, saves: summariseSaves(await saving) };
}

/**
 * The hardening issue's mixed load: `saves` saves spread over the run by two editors at once,
 * on different figures, with reads going on throughout.
 */
export async function mixedLoad(
  base: string,
  editors: [BenchEditor, BenchEditor],
  figures: EditableFigure[],
  paths: string[],
  options: LoadOptions & { saves: number },
): Promise<{ reads: Throughput; saves: SaveSummary }> {
  const intervalMs = (options.seconds * 1000 * editors.length) / options.saves;
  const halves = [figures.filter((_, index) => index % 2 === 0), figures.filter((_, index) => index % 2 === 1)];
  const [reads, ...saving] = await Promise.all([
    measureThroughput(base, paths, options),
    ...editors.map((editor, index) =>
      saveLoop(editor, halves[index]!, { count: options.saves / editors.length, intervalMs }),
    ),
  ]);
  return { reads, saves: summariseSaves(saving.flat()) };
}

export type Visibility = { path: string; p50: number; max: number };

/**
 * Saves a new value for a figure the pages show, then reads each page until the value appears:
 * the time from the editor's save being acknowledged to a reader seeing it.
 */
export async function saveToVisible(
  base: string,
  editor: BenchEditor,
  figure: EditableFigure,
  paths: string[],
  rounds = 5,
): Promise<Visibility[]> {
  const times = new Map(paths.map((path) => [path, [] as number[]]));
  for (let round = 0; round < rounds; round += 1) {
    figure.value += 1n;
    const shown = Number(figure.value).toLocaleString("en-GB");
    const outcome = await editor.saveFigure(figure.id, String(figure.value), "Bench: time until visible");
    if (!outcome.ok) throw new Error(`The save for the visibility test was refused (HTTP ${outcome.status}).`);
    const saved = performance.now();
    await Promise.all(
      paths.map(async (path) => {
        const deadline = saved + 10_000;
        while (performance.now() < deadline) {
          const html = await (await fetch(`${base}${path}`)).text();
          if (html.includes(shown)) {
            times.get(path)!.push(performance.now() - saved);
            return;
          }
          await sleep(10);
        }
        throw new Error(`${path} did not show ${shown} within 10 s of the save.`);
      }),
    );
  }
  return paths.map((path) => ({ path, p50: percentile(times.get(path)!, 0.5), max: Math.max(...times.get(path)!) }));
}
