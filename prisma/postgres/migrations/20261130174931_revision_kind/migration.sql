-- AlterTable
ALTER TABLE "Revision" ADD COLUMN     "kind" TEXT;

-- CreateIndex
CREATE INDEX "Revision_kind_id_idx" ON "Revision"("kind", "id");

