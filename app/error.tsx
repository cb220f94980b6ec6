"use client";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="max-w-2xl space-y-3">
      <h1 className="font-serif text-3xl font-bold">Something went wrong</h1>
      <p>This page could not be shown just now. Nothing you saw before has been lost.</p>
      <button type="button" onClick={reset} className="rounded border border-current px-3 py-1">
        Try again
      </button>
    </div>
  );
}
