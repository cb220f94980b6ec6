-- CreateTable
CREATE TABLE "PendingChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "scope" TEXT NOT NULL,
    "recordType" TEXT,
    "recordId" TEXT,
    "action" TEXT NOT NULL,
    "values" TEXT NOT NULL,
    "baseVersion" INTEGER,
    "changeKind" TEXT,
    "reason" TEXT,
    "summary" TEXT NOT NULL,
    "preview" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "publishAt" DATETIME,
    "reviewerId" TEXT,
    "reviewedAt" DATETIME,
    "rejectionReason" TEXT,
    "publishedAt" DATETIME,
    "failure" TEXT,
    CONSTRAINT "PendingChange_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Editor" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PendingChange_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "Editor" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PendingChange_status_publishAt_idx" ON "PendingChange"("status", "publishAt");

-- CreateIndex
CREATE INDEX "PendingChange_recordType_recordId_status_idx" ON "PendingChange"("recordType", "recordId", "status");

