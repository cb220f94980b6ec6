/** Where an editor reads what only an admin may change (the vocabulary): why there is no form. */
export function AdminsOnly({ plural }: { plural: string }) {
  return (
    <p className="mb-4 text-sm">
      Only an admin adds, renames or deletes {plural.toLowerCase()}. Ask one if the record needs another.
    </p>
  );
}
