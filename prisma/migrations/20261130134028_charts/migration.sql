-- CreateTable
CREATE TABLE "Chart" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "takeaway" TEXT,
    "notes" TEXT,
    "type" TEXT NOT NULL,
    "metrics" TEXT NOT NULL DEFAULT '',
    "kinds" TEXT NOT NULL DEFAULT '',
    "areas" TEXT NOT NULL DEFAULT '',
    "agencies" TEXT NOT NULL DEFAULT '',
    "sources" TEXT NOT NULL DEFAULT '',
    "fromDate" TEXT,
    "toDate" TEXT,
    "pick" TEXT NOT NULL DEFAULT 'every',
    "groupBy" TEXT NOT NULL DEFAULT 'metric',
    "sort" TEXT NOT NULL DEFAULT 'chosen',
    "barLabel" TEXT NOT NULL DEFAULT 'metric',
    "colors" TEXT NOT NULL DEFAULT 'blue,vermillion,green',
    "markRulings" BOOLEAN NOT NULL DEFAULT false,
    "published" BOOLEAN NOT NULL DEFAULT false,
    "dashboardOrder" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "Chart_slug_key" ON "Chart"("slug");

-- CreateIndex
CREATE INDEX "Chart_published_dashboardOrder_idx" ON "Chart"("published", "dashboardOrder");

