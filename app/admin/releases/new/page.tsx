import { ReleaseForm } from "@/components/admin/release-form";
import { requireEditor } from "@/lib/auth/request.server";
import { reviewBeforePublishing } from "@/lib/review/setting.server";
import { db } from "@/lib/db.server";
import { reasonField } from "@/lib/records/change";
import { field, fieldSpec, type FieldSpec } from "@/lib/records/define";
import { figureRecord } from "@/lib/records/figure";
import { agencyOptions, DATE_HINT, formOptions, sourceOptions } from "@/lib/records/form-options";
import { sourceRecord } from "@/lib/records/source";
import { NEW_SOURCE_PREFIX, releaseSchema } from "@/lib/releases/release-form";

export const metadata = { title: "Add a release" };

/** What a new source needs said; its notes can wait for its own page. */
const SOURCE_FIELDS = ["publisher", "title", "url", "publishedOn", "kind", "copy", "copyOf"];

export default async function AddReleasePage() {
  await requireEditor();
  const options = await formOptions(db);
  const blank = sourceRecord.blankValues();
  const sourceFields = sourceRecord
    .formFields(options)
    .filter((spec) => SOURCE_FIELDS.includes(spec.name))
    .map((spec): FieldSpec => ({ ...spec, name: `${NEW_SOURCE_PREFIX}${spec.name}` }));
  const released = (name: keyof typeof releaseSchema.shape, form: Parameters<typeof field>[1]) =>
    fieldSpec(name, field(releaseSchema.shape[name], form), releaseSchema);
  const figureFields = Object.fromEntries(figureRecord.formFields(options).map((spec) => [spec.name, spec]));
  return (
    <div>
      <h1 className="mb-2 font-serif text-3xl font-bold">Add a release</h1>
      <p className="mb-6 max-w-3xl">
        Enter a press release or an article in one go: say where it comes from, paste its words, and the figures it
        states are proposed, each with its qualifier and unit. Check them against the text, then save them together.
      </p>
      <ReleaseForm
        review={reviewBeforePublishing()}
        sourceFields={sourceFields}
        sourceDefaults={Object.fromEntries(
          Object.entries(blank).map(([name, value]) => [`${NEW_SOURCE_PREFIX}${name}`, value]),
        )}
        releaseFields={{
          sourceId: released("sourceId", { label: "Source", options: sourceOptions(options) }),
          passage: released("passage", {
            label: "The release's words",
            hint: "Paste the paragraphs that give the figures; each sentence with a number becomes a proposal.",
          }),
          asOf: released("asOf", { label: "Date its figures describe", hint: DATE_HINT }),
          geographyId: released("geographyId", {
            label: "Area",
            options: options.geographies.map((area) => ({ value: area.id, label: area.label })),
          }),
          agencyId: released("agencyId", { label: "Agency that reported them", options: agencyOptions(options) }),
          reason: reasonField("import"),
        }}
        rowFields={{
          metricId: figureFields.metricId!,
          unit: figureFields.unit!,
          qualifier: figureFields.qualifier!,
          geographyId: figureFields.geographyId!,
        }}
        metrics={options.metrics.map((metric) => ({
          id: metric.id,
          label: metric.label,
          units: metric.units.split(","),
        }))}
      />
    </div>
  );
}
