/** The mark on every figure that another source contradicts. */
export function DisagreementFlag() {
  return (
    <strong className="inline-block rounded border border-current px-1.5 py-0.5 text-xs font-semibold uppercase tracking-wide text-conflict dark:text-conflict-dark">
      Sources disagree
    </strong>
  );
}
