-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Source" (
    "id" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "title" TEXT,
    "url" TEXT NOT NULL,
    "publishedOn" TEXT,
    "dateNote" TEXT,
    "kind" TEXT NOT NULL,
    "copy" TEXT NOT NULL DEFAULT 'original',
    "copyOf" TEXT,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Agency" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT,
    "kind" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Agency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Metric" (
    "id" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "units" TEXT NOT NULL,

    CONSTRAINT "Metric_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Geography" (
    "id" TEXT NOT NULL,
    "label" TEXT NOT NULL,

    CONSTRAINT "Geography_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Figure" (
    "id" TEXT NOT NULL,
    "metricId" TEXT NOT NULL,
    "valueMinor" BIGINT NOT NULL,
    "unit" TEXT NOT NULL,
    "qualifier" TEXT NOT NULL,
    "geographyId" TEXT NOT NULL,
    "agencyId" TEXT,
    "asOf" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "quote" TEXT NOT NULL,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Figure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FigureConflict" (
    "id" TEXT NOT NULL,
    "figureId" TEXT NOT NULL,
    "otherFigureId" TEXT NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FigureConflict_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Ruling" (
    "id" TEXT NOT NULL,
    "date" TEXT,
    "court" TEXT NOT NULL,
    "courtId" TEXT,
    "caseName" TEXT,
    "jurisdiction" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Ruling_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "agencyId" TEXT,
    "sourceId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Editor" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'editor',
    "disabledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Editor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "editorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastActiveAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "userAgent" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Revision" (
    "id" SERIAL NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editorId" TEXT,
    "recordType" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT,
    "reason" TEXT,
    "revertsId" INTEGER,

    CONSTRAINT "Revision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Figure_metricId_geographyId_asOf_idx" ON "Figure"("metricId", "geographyId", "asOf");

-- CreateIndex
CREATE INDEX "Figure_sourceId_idx" ON "Figure"("sourceId");

-- CreateIndex
CREATE INDEX "Figure_agencyId_idx" ON "Figure"("agencyId");

-- CreateIndex
CREATE INDEX "Figure_asOf_idx" ON "Figure"("asOf");

-- CreateIndex
CREATE INDEX "FigureConflict_otherFigureId_idx" ON "FigureConflict"("otherFigureId");

-- CreateIndex
CREATE UNIQUE INDEX "FigureConflict_figureId_otherFigureId_key" ON "FigureConflict"("figureId", "otherFigureId");

-- CreateIndex
CREATE UNIQUE INDEX "Editor_email_key" ON "Editor"("email");

-- CreateIndex
CREATE INDEX "Session_editorId_idx" ON "Session"("editorId");

-- CreateIndex
CREATE INDEX "Revision_recordType_recordId_id_idx" ON "Revision"("recordType", "recordId", "id");

-- CreateIndex
CREATE INDEX "Revision_editorId_idx" ON "Revision"("editorId");

-- CreateIndex
CREATE INDEX "Revision_createdAt_idx" ON "Revision"("createdAt");

-- AddForeignKey
ALTER TABLE "Figure" ADD CONSTRAINT "Figure_metricId_fkey" FOREIGN KEY ("metricId") REFERENCES "Metric"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Figure" ADD CONSTRAINT "Figure_geographyId_fkey" FOREIGN KEY ("geographyId") REFERENCES "Geography"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Figure" ADD CONSTRAINT "Figure_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Figure" ADD CONSTRAINT "Figure_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FigureConflict" ADD CONSTRAINT "FigureConflict_figureId_fkey" FOREIGN KEY ("figureId") REFERENCES "Figure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FigureConflict" ADD CONSTRAINT "FigureConflict_otherFigureId_fkey" FOREIGN KEY ("otherFigureId") REFERENCES "Figure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ruling" ADD CONSTRAINT "Ruling_courtId_fkey" FOREIGN KEY ("courtId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ruling" ADD CONSTRAINT "Ruling_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_editorId_fkey" FOREIGN KEY ("editorId") REFERENCES "Editor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Revision" ADD CONSTRAINT "Revision_editorId_fkey" FOREIGN KEY ("editorId") REFERENCES "Editor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Revision" ADD CONSTRAINT "Revision_revertsId_fkey" FOREIGN KEY ("revertsId") REFERENCES "Revision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;



-- Revisions are the record of who changed what: nothing may rewrite or remove them.
-- (Prisma's schema language cannot express triggers; a later migration that redefines the
-- Revision table must create these again. The SQLite migrations hold the same rule.)
CREATE FUNCTION "Revision_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'revisions are append-only';
END;
$$;

CREATE TRIGGER "Revision_no_update" BEFORE UPDATE ON "Revision"
    FOR EACH ROW EXECUTE FUNCTION "Revision_append_only"();

CREATE TRIGGER "Revision_no_delete" BEFORE DELETE ON "Revision"
    FOR EACH ROW EXECUTE FUNCTION "Revision_append_only"();

-- PostgreSQL can also empty a table without deleting its rows one by one.
CREATE TRIGGER "Revision_no_truncate" BEFORE TRUNCATE ON "Revision"
    FOR EACH STATEMENT EXECUTE FUNCTION "Revision_append_only"();

-- Partial dates (YYYY, YYYY-MM, YYYY-MM-DD) are compared and sorted as text, character by
-- character, as SQLite does: "2021" < "2021-03" < "2021-03-09" < "2021~". A database created
-- with a language's collation may order punctuation otherwise, so these columns use "C".
-- (Prisma's schema cannot say this; a migration that redefines these columns must keep it.)
ALTER TABLE "Figure" ALTER COLUMN "asOf" SET DATA TYPE TEXT COLLATE "C";
ALTER TABLE "Source" ALTER COLUMN "publishedOn" SET DATA TYPE TEXT COLLATE "C";
ALTER TABLE "Ruling" ALTER COLUMN "date" SET DATA TYPE TEXT COLLATE "C";
