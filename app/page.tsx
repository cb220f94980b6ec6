import { FigureList } from "@/components/figures/figure-list";
import { fetchFoundingFigures } from "@/lib/data/figures";

// Rendered once, then served from the cache until an editor's save revalidates it.
export const revalidate = 3600;

export default async function HomePage() {
  const figures = await fetchFoundingFigures();
  return (
    <article className="max-w-3xl">
      <h1 className="font-serif text-4xl font-bold">What Operation Venetic reported on 2 July 2020</h1>
      <p className="mt-3 text-lg">
        The first announcement of the UK&apos;s response to the EncroChat take-down, as reported by
        ITV News. Every figure below is read from the record, with the words of its source.
      </p>
      <FigureList figures={figures} />
    </article>
  );
}
