-- The admins' user search: the PostgreSQL side of drizzle/sqlite/0009_user_search.sql, as a
-- generated column outside the drizzle schema (as campaigns.search_document is). The 'simple'
-- configuration does not stem names; punctuation becomes spaces first, so that an e-mail address
-- or a username with underscores is words, as SQLite's tokenizer splits them, rather than one
-- token of PostgreSQL's parser.
ALTER TABLE "users" ADD COLUMN "search_document" tsvector GENERATED ALWAYS AS (
  to_tsvector('simple', regexp_replace("username" || ' ' || "email" || ' ' || "display_name", '[^[:alnum:]]+', ' ', 'g'))
) STORED;
--> statement-breakpoint
CREATE INDEX "users_search_idx" ON "users" USING gin ("search_document");
