import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { SiteNav } from "@/components/layout/site-nav";
import { LICENCE } from "@/lib/open-data/licence";
import "./globals.css";

export const metadata: Metadata = {
  title: {
    default: "Operation Venetic: the public record",
    template: "%s · Operation Venetic: the public record",
  },
  description:
    "The reported outcomes of the UK's response to the 2020 EncroChat take-down: arrests, charges, convictions and seizures, each figure with its source and date.",
  icons: { icon: "/favicon.svg" },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-GB">
      <body className="min-h-screen">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
          Skip to content
        </a>
        <header className="border-b border-black/10 dark:border-white/15">
          <div className="mx-auto flex max-w-page flex-wrap items-baseline justify-between gap-x-6 gap-y-2 px-4 py-3">
            <Link href="/" className="font-serif text-lg font-bold text-ink no-underline dark:text-ink-inverse">
              Operation Venetic: the public record
            </Link>
            <SiteNav />
          </div>
        </header>
        <main id="main" className="mx-auto max-w-page px-4 py-8">
          {children}
        </main>
        <footer className="border-t border-black/10 text-sm text-ink-muted dark:border-white/15 dark:text-ink-inverse/70">
          <div className="mx-auto max-w-page px-4 py-6">
            <p>
              Every figure is shown as its source reported it, with the date it describes. Where sources disagree, both
              are shown.
            </p>
            <p className="mt-2">
              The compilation is licensed under <a href={LICENCE.url}>{LICENCE.short}</a>; each figure&apos;s words
              belong to its source.
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
