-- AlterTable
ALTER TABLE "Metric" ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Geography" ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "AgencyKind" (
    "id" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "position" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgencyKind_pkey" PRIMARY KEY ("id")
);

-- Every kind an agency has becomes a record, named and ordered as the fixed list named it
-- (lib/seed/agency-kinds.ts), so that no agency loses its kind. A kind outside that list keeps
-- its id as its label, for an admin to rename.
INSERT INTO "AgencyKind" ("id", "label", "position")
SELECT DISTINCT
    "kind",
    CASE "kind"
        WHEN 'national-agency' THEN 'National agency'
        WHEN 'regional-organised-crime-unit' THEN 'Regional organised crime unit'
        WHEN 'police-force' THEN 'Police force'
        WHEN 'foreign-agency' THEN 'Foreign agency'
        WHEN 'eu-agency' THEN 'EU agency'
        WHEN 'prosecutor' THEN 'Prosecutor'
        WHEN 'court' THEN 'Court'
        WHEN 'government' THEN 'Government'
        ELSE "kind"
    END,
    CASE "kind"
        WHEN 'national-agency' THEN 1
        WHEN 'regional-organised-crime-unit' THEN 2
        WHEN 'police-force' THEN 3
        WHEN 'foreign-agency' THEN 4
        WHEN 'eu-agency' THEN 5
        WHEN 'prosecutor' THEN 6
        WHEN 'court' THEN 7
        WHEN 'government' THEN 8
        ELSE NULL
    END
FROM "Agency";

-- CreateIndex
CREATE INDEX "Agency_kind_idx" ON "Agency"("kind");

-- AddForeignKey
ALTER TABLE "Agency" ADD CONSTRAINT "Agency_kind_fkey" FOREIGN KEY ("kind") REFERENCES "AgencyKind"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

