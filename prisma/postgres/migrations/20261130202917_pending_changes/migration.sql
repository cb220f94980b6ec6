-- CreateTable
CREATE TABLE "PendingChange" (
    "id" SERIAL NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
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
    "publishAt" TIMESTAMP(3),
    "reviewerId" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "rejectionReason" TEXT,
    "publishedAt" TIMESTAMP(3),
    "failure" TEXT,

    CONSTRAINT "PendingChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PendingChange_status_publishAt_idx" ON "PendingChange"("status", "publishAt");

-- CreateIndex
CREATE INDEX "PendingChange_recordType_recordId_status_idx" ON "PendingChange"("recordType", "recordId", "status");

-- AddForeignKey
ALTER TABLE "PendingChange" ADD CONSTRAINT "PendingChange_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Editor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PendingChange" ADD CONSTRAINT "PendingChange_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "Editor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

