"use client";

import { useState, useSyncExternalStore } from "react";
import { FormField } from "./form-field";

/** A zone's offset does not change while a form is open. */
const noSubscription = () => () => {};

/**
 * "Publish at": empty for now, or a time in the editor's own clock, sent with the browser's offset
 * from UTC (lib/review/schedule.ts reads both). Without scripts the offset is 0 and the time is
 * read as UTC, which the hint says. Held here because React empties a form's own fields after each
 * action: a refused change must not lose the time the editor gave it.
 */
export function PublishWhenField({
  errors,
  review,
  id = "publishAt",
  label = "Publish at",
  required = false,
  initial = "",
}: {
  errors?: string[] | undefined;
  /** This deployment reviews every change: the time is when it goes public once approved. */
  review: boolean;
  id?: string;
  /** Its own name where a page has more than one change to time (an edit and a deletion). */
  label?: string;
  required?: boolean;
  /** The time as the editor sent it, when the page comes back from a form sent without JavaScript. */
  initial?: string;
}) {
  // The server cannot know the editor's zone: it renders 0, and the browser its own offset.
  const offset = useSyncExternalStore(
    noSubscription,
    () => new Date().getTimezoneOffset(),
    () => 0,
  );
  const [when, setWhen] = useState(initial);
  return (
    <>
      <FormField
        id={id}
        type="datetime-local"
        step={1}
        field={{
          name: "publishAt",
          label,
          required,
          hint: required
            ? "In your own time zone (UTC without scripts)."
            : review
              ? "Leave empty to publish once approved; or give the time it goes public, once approved (your time zone; UTC without scripts)."
              : "Leave empty to publish now; or give the time it goes public, to the second (your time zone; UTC without scripts).",
        }}
        errors={errors}
        value={when}
        onChange={setWhen}
        size="w-64"
      />
      <input type="hidden" name="publishAtOffset" value={offset} />
    </>
  );
}
