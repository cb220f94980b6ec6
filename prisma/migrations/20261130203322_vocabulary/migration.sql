-- CreateTable
CREATE TABLE "AgencyKind" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "label" TEXT NOT NULL,
    "position" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
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

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Agency" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "shortName" TEXT,
    "kind" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Agency_kind_fkey" FOREIGN KEY ("kind") REFERENCES "AgencyKind" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Agency" ("country", "createdAt", "id", "kind", "name", "role", "shortName", "updatedAt", "version") SELECT "country", "createdAt", "id", "kind", "name", "role", "shortName", "updatedAt", "version" FROM "Agency";
DROP TABLE "Agency";
ALTER TABLE "new_Agency" RENAME TO "Agency";
CREATE INDEX "Agency_kind_idx" ON "Agency"("kind");
CREATE TABLE "new_Metric" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "label" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "units" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Metric" ("id", "kind", "label", "units") SELECT "id", "kind", "label", "units" FROM "Metric";
DROP TABLE "Metric";
ALTER TABLE "new_Metric" RENAME TO "Metric";
CREATE TABLE "new_Geography" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "label" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Geography" ("id", "label") SELECT "id", "label" FROM "Geography";
DROP TABLE "Geography";
ALTER TABLE "new_Geography" RENAME TO "Geography";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

