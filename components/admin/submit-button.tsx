"use client";

import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";

/** Disabled while its form is being sent, saying so, so nobody submits twice. */
export function SubmitButton({
  children,
  pendingLabel,
  name,
  value,
  tone = "primary",
}: {
  children: ReactNode;
  pendingLabel: string;
  name?: string;
  value?: string;
  tone?: "primary" | "danger" | "plain";
}) {
  const { pending } = useFormStatus();
  const colours = {
    primary: "bg-accent text-white dark:bg-accent-dark dark:text-ink",
    danger: "bg-conflict text-white",
    plain: "border border-current",
  }[tone];
  return (
    <button
      type="submit"
      name={name}
      value={value}
      disabled={pending}
      aria-disabled={pending}
      className={`rounded px-4 py-2 font-semibold disabled:opacity-60 ${colours}`}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
