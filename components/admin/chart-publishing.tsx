"use client";

import { useActionState } from "react";
import { publishChartAction, type PublishState } from "@/lib/admin/actions";
import { PublishWhenField } from "./publish-when-field";
import { StatusMessage } from "./status-message";
import { SubmitButton } from "./submit-button";

/**
 * Whether readers can see the chart, and the one button that changes it. A draft answers "not
 * found" at every public address; publishing is a saved change like any other, in the history,
 * and like any other it may be set for a time, or held for another editor's approval.
 */
export function ChartPublishing({
  id,
  version,
  published,
  addresses,
  review,
}: {
  id: string;
  version: number;
  published: boolean;
  addresses: string[];
  /** This deployment reviews every change: the button submits the switch for review. */
  review: boolean;
}) {
  const [state, formAction] = useActionState<PublishState, FormData>(publishChartAction, { status: "idle" });
  return (
    <section
      aria-labelledby="publishing-title"
      className="mb-6 max-w-2xl rounded border border-black/15 p-4 dark:border-white/20"
    >
      <h2 id="publishing-title" className="text-lg font-bold">
        {published ? "Published" : "Draft: only editors can see it"}
      </h2>
      {state.status !== "idle" && state.status !== "saved" ? (
        <StatusMessage tone="error">{state.message}</StatusMessage>
      ) : null}
      <p className="my-2 text-sm">{published ? "Readers find it at:" : "Once published, readers will find it at:"}</p>
      <ul className="mb-3 text-sm">
        {addresses.map((address) => (
          <li key={address}>{published ? <a href={address}>{address}</a> : <code>{address}</code>}</li>
        ))}
      </ul>
      <form action={formAction}>
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="published" value={published ? "false" : "true"} />
        <PublishWhenField
          id="chart-publish-at"
          label={published ? "Unpublish it at" : "Publish it at"}
          review={review}
          errors={state.status === "invalid" ? state.fieldErrors.publishAt : undefined}
        />
        <SubmitButton tone={published ? "plain" : "primary"} pendingLabel={published ? "Unpublishing…" : "Publishing…"}>
          {`${published ? "Unpublish" : "Publish"}${review ? ": submit for review" : ""}`}
        </SubmitButton>
      </form>
    </section>
  );
}
