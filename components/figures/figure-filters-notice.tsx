/** What in the address of the table was not understood, and what is shown instead. */
export function FigureFiltersNotice({ notices }: { notices: string[] }) {
  if (notices.length === 0) return null;
  return (
    <div
      role="status"
      className="my-4 border-l-4 border-conflict bg-paper-raised p-3 dark:border-conflict-dark dark:bg-paper-dark-raised"
    >
      <p className="font-semibold">Part of this view could not be shown as asked.</p>
      <ul className="mt-1 list-disc pl-5">
        {notices.map((notice) => (
          <li key={notice}>{notice}</li>
        ))}
      </ul>
    </div>
  );
}
