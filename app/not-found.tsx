import Link from "next/link";

export default function NotFound() {
  return (
    <div className="max-w-2xl space-y-3">
      <h1 className="font-serif text-3xl font-bold">Page not found</h1>
      <p>There is no page at this address. It may have moved, or the address may be mistyped.</p>
      <p>
        <Link href="/">Go to the overview</Link> or <Link href="/figures">browse all figures</Link>.
      </p>
    </div>
  );
}
