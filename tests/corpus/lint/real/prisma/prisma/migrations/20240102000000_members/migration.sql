-- lint-rules: create-index-non-concurrent, missing-soft-delete-column
-- CreateTable
CREATE TABLE "Member" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Member_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
-- expect: create-index-non-concurrent
CREATE INDEX "Project_name_idx" ON "Project"("name");
