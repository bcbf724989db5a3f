-- lint-rules: missing-soft-delete-column
-- the names ORMs and soft-delete libraries use count too
CREATE TABLE "Post" (id text PRIMARY KEY, title text NOT NULL, "deletedAt" timestamptz);
CREATE TABLE "Comment" (id text PRIMARY KEY, body text NOT NULL, "isDeleted" boolean NOT NULL DEFAULT false);
CREATE TABLE tags (id uuid PRIMARY KEY, name text NOT NULL, deletedAt timestamptz);
CREATE TABLE labels (id uuid PRIMARY KEY, name text NOT NULL, is_deleted boolean NOT NULL DEFAULT false);
CREATE TABLE notes (id uuid PRIMARY KEY, body text NOT NULL, deleted boolean NOT NULL DEFAULT false);
CREATE TABLE projects (id uuid PRIMARY KEY, name text NOT NULL, archived_at timestamptz);
CREATE TABLE "Project" (id text PRIMARY KEY, name text NOT NULL, "archivedAt" timestamptz);
CREATE TABLE articles (id uuid PRIMARY KEY, title text NOT NULL, discarded_at timestamptz);
CREATE TABLE "Article" (id text PRIMARY KEY, title text NOT NULL, "discardedAt" timestamptz);
-- LIKE a table that has one
CREATE TABLE "PostDraft" (LIKE "Post" INCLUDING DEFAULTS);
-- added later in the same migration
CREATE TABLE invoices_archive (id uuid PRIMARY KEY);
ALTER TABLE invoices_archive ADD COLUMN "isDeleted" boolean NOT NULL DEFAULT false;
