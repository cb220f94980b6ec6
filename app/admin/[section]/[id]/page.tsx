import Link from "next/link";
import { notFound } from "next/navigation";
import { AdminsOnly } from "@/components/admin/admins-only";
import { DeleteForm } from "@/components/admin/delete-form";
import { RecordForm } from "@/components/admin/record-form";
import { StatusMessage } from "@/components/admin/status-message";
import { FigureEmbedPanel } from "@/components/figures/figure-embed-panel";
import { requireEditor } from "@/lib/auth/request.server";
import { reviewBeforePublishing } from "@/lib/review/setting.server";
import { db } from "@/lib/db.server";
import { loadRecordForm } from "@/lib/admin/queries.server";
import { mayChange } from "@/lib/admin/records";
import type { FieldSpec } from "@/lib/records/define";
import { metricUnitsOf } from "@/lib/records/figure";
import { fetchLatestRevision } from "@/lib/data/charts.server";
import { figureAsRecorded } from "@/lib/figures/at-revision";
import { formOptions } from "@/lib/records/form-options";
import { editableRecord, sectionRecordType } from "@/lib/records/registry";
import { ChartPublishing } from "@/components/admin/chart-publishing";
import { EmbedCode } from "@/components/embed/embed-code";
import { EMBED_LAYOUT, embedHeight } from "@/lib/charts/geometry";
import { drawDefinition } from "@/lib/data/charts.server";
import { chartDefinition } from "@/lib/charts/definition";
import { everPublished, publicAddresses } from "@/lib/records/chart";
import { siteUrl } from "@/lib/site.server";

type Props = {
  params: Promise<{ section: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function EditRecordPage({ params, searchParams }: Props) {
  const signedIn = await requireEditor();
  const { section, id: encodedId } = await params;
  const recordType = sectionRecordType(section);
  if (!recordType) notFound();
  const id = decodeURIComponent(encodedId);
  const record = await loadRecordForm(db, recordType, id);
  if (!record) notFound();
  const declared = editableRecord(recordType);
  const { noun, formFields } = declared;
  const options = await formOptions(db);
  const fields = formFields(options);
  if (!mayChange(signedIn, declared)) {
    return (
      <div>
        <h1 className="mb-1 font-serif text-3xl font-bold">{noun[0]?.toUpperCase() + noun.slice(1)}</h1>
        <p className="mb-4 text-sm">
          <code>{id}</code>, version {record.version} ·{" "}
          <Link href={`/admin/history?recordType=${recordType}&recordId=${encodeURIComponent(id)}`}>
            History of this {noun}
          </Link>
        </p>
        <AdminsOnly plural={declared.plural} />
        <dl>
          {fields.map((field) => (
            <div key={field.name} className="mb-2">
              <dt className="font-semibold">{field.label}</dt>
              <dd>{shownValue(field, record.values[field.name] ?? "")}</dd>
            </div>
          ))}
        </dl>
      </div>
    );
  }
  const saved = (await searchParams).saved !== undefined;
  const chart = recordType === "chart" ? await chartEditorParts(id) : null;
  // A figure's page offers its card, as saved (what readers' articles show). A figure the card
  // cannot show (a unit this version does not know) must still be correctable here: no card then.
  const published = recordType === "figure" ? await figureAsRecorded(db, id, null).catch(() => null) : null;
  return (
    <div>
      <h1 className="mb-1 font-serif text-3xl font-bold">Edit {noun}</h1>
      <p className="mb-4 text-sm">
        <code>{id}</code>, version {record.version} ·{" "}
        <Link href={`/admin/history?recordType=${recordType}&recordId=${encodeURIComponent(id)}`}>
          History of this {noun}
        </Link>
        {recordType === "figure" ? (
          <>
            {" · "}
            <Link href={`/admin/figures/new?from=${encodeURIComponent(id)}`}>Duplicate this figure</Link>
          </>
        ) : null}
      </p>
      {saved ? (
        <StatusMessage tone="success">Saved (version {record.version}). The public pages show it now.</StatusMessage>
      ) : null}
      {chart ? (
        <ChartPublishing
          key={`publishing-${record.version}`}
          id={id}
          version={record.version}
          published={chart.published}
          addresses={chart.addresses}
          review={reviewBeforePublishing()}
        />
      ) : null}
      {/* Keyed by version, so that after a save the form starts from what is now stored. */}
      <RecordForm
        review={reviewBeforePublishing()}
        key={record.version}
        recordType={recordType}
        fields={fields}
        initial={record.values}
        record={{ id, version: record.version }}
        {...(chart ? { chartPreview: chart.drawn } : {})}
        {...(recordType === "figure" ? { metricUnits: metricUnitsOf(options) } : {})}
      />
      {chart?.published && chart.drawn ? (
        <div className="mt-6 max-w-3xl">
          <EmbedCode
            site={siteUrl()}
            slug={chart.drawn.slug}
            title={chart.drawn.title}
            latestRevision={chart.latestRevision}
            height={embedHeight(chart.drawn, EMBED_LAYOUT.width)}
          />
        </div>
      ) : null}
      {published?.ok ? (
        // Keyed by version, so that after a save the preview loads the card again.
        <div key={`embed-${record.version}`} className="my-6 max-w-2xl">
          <FigureEmbedPanel
            site={siteUrl()}
            figure={published.figure}
            latestRevision={await fetchLatestRevision()}
            preview
          />
        </div>
      ) : null}
      <DeleteForm
        review={reviewBeforePublishing()}
        key={`delete-${record.version}`}
        recordType={recordType}
        id={id}
        version={record.version}
        noun={noun}
        {...(chart?.everPublished
          ? {
              confirm: `It has been published: ${chart.addresses.join(", ")} will answer "not found", in every article that links to or embeds it.`,
            }
          : {})}
      />
    </div>
  );
}

/** A stored value as the form would show it: a choice by its label. */
function shownValue(field: FieldSpec, value: string): string {
  if (!field.options) return value;
  return value
    .split(",")
    .filter(Boolean)
    .map((part) => field.options?.find((option) => option.value === part)?.label ?? part)
    .join(", ");
}

/** What the chart editor shows beside the form: the chart drawn, whether readers can see it, and where. */
async function chartEditorParts(id: string) {
  const stored = await db.chart.findUnique({ where: { id } });
  if (!stored) return null;
  const [drawn, latestRevision, published] = await Promise.all([
    drawDefinition(chartDefinition(stored)),
    fetchLatestRevision(),
    everPublished(db, id),
  ]);
  return {
    drawn,
    latestRevision,
    published: stored.published,
    everPublished: published,
    addresses: publicAddresses(stored.slug),
  };
}
