-- lint-rules: missing-down-migration
CREATE TABLE "orders" ("id" UUID NOT NULL, "status" TEXT NOT NULL, CONSTRAINT "orders_pkey" PRIMARY KEY ("id"));
