"use client";

import { useState, type ReactNode } from "react";
import { embedCode } from "@/lib/embed/code";

/**
 * "Embed this chart" (or figure): the code to paste, live (follows later corrections) or pinned
 * to the current revision (what a published article cited), with a copy button. Without
 * JavaScript the choice cannot change the code, so the pinned code is shown beside the live one.
 * Readers' pages come without React in the browser (decision 0024): there public/reader.js does
 * what this component's state does, from the two codes written into the `data-` attributes. In a
 * held change's private preview there is no revision to pin to yet, so only the live code is offered.
 */
export function EmbedCode({
  site,
  slug,
  title,
  latestRevision,
  previewHref = `/embed/${slug}`,
  height,
  noun = "chart",
  maxWidth,
  children,
  open = false,
}: {
  site: string;
  slug: string;
  title: string;
  /** The revision the pinned code names; null where none is made yet (a held change's preview). */
  latestRevision: number | null;
  /** Where "the embed alone" leads for the live code: the public embed unless given. */
  previewHref?: string;
  height: number;
  /** What is embedded, in the panel's words. */
  noun?: string;
  maxWidth?: number;
  /** More ways to use it, under the code: an image, a preview. */
  children?: ReactNode;
  open?: boolean;
}) {
  const [pinned, setPinned] = useState(false);
  const [copied, setCopied] = useState(false);
  const liveCode = embedCode({ site, slug, title, revision: null, height, maxWidth });
  const pinnable = latestRevision !== null;
  const pinnedCode = pinnable ? embedCode({ site, slug, title, revision: latestRevision, height, maxWidth }) : liveCode;
  const code = pinned ? pinnedCode : liveCode;
  const pinnedPreview = pinnable ? `/embed/${slug}?v=${latestRevision}` : previewHref;

  async function copy() {
    await navigator.clipboard.writeText(code);
    setCopied(true);
  }

  return (
    <details className="rounded border border-black/15 p-3 dark:border-white/20" open={open} data-embed-code="">
      <summary className="cursor-pointer font-semibold">Embed this {noun}</summary>
      <fieldset className="mt-3">
        <legend className="text-sm font-semibold">Which version</legend>
        <label className="mr-4 text-sm">
          <input
            type="radio"
            name={`${slug}-version`}
            value="live"
            checked={!pinned}
            onChange={() => {
              setPinned(false);
              setCopied(false);
            }}
          />{" "}
          Live: follows later corrections
        </label>
        {pinnable ? (
          <label className="text-sm">
            <input
              type="radio"
              name={`${slug}-version`}
              value="pinned"
              checked={pinned}
              onChange={() => {
                setPinned(true);
                setCopied(false);
              }}
            />{" "}
            Pinned to revision {latestRevision}: stays as it is now
          </label>
        ) : (
          <p className="mt-1 text-sm">
            Pinned: the code names the revision this change becomes, so it is offered once it is published.
          </p>
        )}
      </fieldset>
      <label htmlFor={`${slug}-embed-code`} className="mt-3 block text-sm font-semibold">
        Code to paste into your article
      </label>
      <textarea
        id={`${slug}-embed-code`}
        readOnly
        value={code}
        data-live={liveCode}
        data-pinned={pinnedCode}
        rows={4}
        className="mt-1 w-full rounded border border-black/20 bg-paper-raised p-2 font-mono text-xs dark:border-white/25 dark:bg-paper-dark-raised"
        onFocus={(event) => event.currentTarget.select()}
      />
      {pinnable ? (
        <noscript>
          <label htmlFor={`${slug}-pinned-code`} className="mt-3 block text-sm font-semibold">
            Code pinned to revision {latestRevision}
          </label>
          <textarea
            id={`${slug}-pinned-code`}
            readOnly
            value={pinnedCode}
            rows={4}
            className="mt-1 w-full rounded border border-black/20 bg-paper-raised p-2 font-mono text-xs dark:border-white/25 dark:bg-paper-dark-raised"
          />
        </noscript>
      ) : null}
      <div className="mt-2 flex items-center gap-3">
        <button type="button" onClick={copy} className="rounded border border-current px-3 py-1 text-sm">
          Copy the code
        </button>
        <span role="status" className="text-sm">
          {copied ? "Copied." : ""}
        </span>
      </div>
      <p className="mt-2 text-xs">
        The iframe works on its own; the script makes it exactly as tall as the {noun}. Preview:{" "}
        <a href={pinned ? pinnedPreview : previewHref} data-pinned={pinnedPreview} data-live={previewHref}>
          the embed alone
        </a>
        .
      </p>
      {children}
    </details>
  );
}
