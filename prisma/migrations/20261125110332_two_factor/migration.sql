-- A second factor for editors (docs/decisions/0009). Plain ADD COLUMN rather than Prisma's
-- copy-and-rename of the Editor table: the new columns are nullable or have a constant default,
-- which SQLite adds in place, and the rows that Session and Revision point at stay untouched.
ALTER TABLE "Editor" ADD COLUMN "totpSecret" TEXT;
ALTER TABLE "Editor" ADD COLUMN "totpEnabledAt" DATETIME;
ALTER TABLE "Editor" ADD COLUMN "totpLastStep" INTEGER;
ALTER TABLE "Editor" ADD COLUMN "totpRequired" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "SignInChallenge" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "editorId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "SignInChallenge_editorId_fkey" FOREIGN KEY ("editorId") REFERENCES "Editor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SignInChallenge_editorId_idx" ON "SignInChallenge"("editorId");
