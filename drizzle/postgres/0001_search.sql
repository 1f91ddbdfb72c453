-- Full-text search over campaigns and influencer profiles: the PostgreSQL side of what
-- drizzle/sqlite/0001_search.sql does with FTS5. Core PostgreSQL only (no extensions). Neither the
-- generated column nor the table below is in the drizzle schema, so both schemas keep the same types.
-- Words are weighted for ranking: names and titles A, niches and specializations B, the rest C.
ALTER TABLE "campaigns" ADD COLUMN "search_document" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', "title"), 'A')
  || setweight(to_tsvector('english', "niche"), 'B')
  || setweight(to_tsvector('english', "description" || ' ' || "goals"), 'C')
) STORED;
--> statement-breakpoint
CREATE INDEX "campaigns_search_idx" ON "campaigns" USING gin ("search_document");
--> statement-breakpoint
-- An influencer's document mixes their user row and their profile, so it cannot be a generated
-- column of either: it is a table of its own, kept in step by triggers as influencers_fts is.
CREATE TABLE "influencer_search" (
  "user_id" integer PRIMARY KEY REFERENCES "users"("id") ON DELETE CASCADE,
  "document" tsvector NOT NULL
);
--> statement-breakpoint
CREATE INDEX "influencer_search_idx" ON "influencer_search" USING gin ("document");
--> statement-breakpoint
CREATE FUNCTION influencer_search_document(display_name text, username text, bio text, niche text, specialization text, location text)
RETURNS tsvector LANGUAGE sql IMMUTABLE AS $$
  SELECT setweight(to_tsvector('english', display_name || ' ' || username), 'A')
    || setweight(to_tsvector('english', niche || ' ' || specialization), 'B')
    || setweight(to_tsvector('english', bio || ' ' || location), 'C')
$$;
--> statement-breakpoint
CREATE FUNCTION influencer_search_from_profile() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM influencer_search WHERE user_id = OLD.user_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO influencer_search (user_id, document)
      SELECT u.id, influencer_search_document(u.display_name, u.username, u.bio, NEW.niche, NEW.specialization, NEW.location)
      FROM users u WHERE u.id = NEW.user_id;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER influencer_search_profile_insert AFTER INSERT ON influencer_profiles
  FOR EACH ROW EXECUTE FUNCTION influencer_search_from_profile();
--> statement-breakpoint
CREATE TRIGGER influencer_search_profile_update AFTER UPDATE OF niche, specialization, location ON influencer_profiles
  FOR EACH ROW EXECUTE FUNCTION influencer_search_from_profile();
--> statement-breakpoint
CREATE TRIGGER influencer_search_profile_delete AFTER DELETE ON influencer_profiles
  FOR EACH ROW EXECUTE FUNCTION influencer_search_from_profile();
--> statement-breakpoint
CREATE FUNCTION influencer_search_from_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM influencer_search WHERE user_id = NEW.id;
  INSERT INTO influencer_search (user_id, document)
    SELECT NEW.id, influencer_search_document(NEW.display_name, NEW.username, NEW.bio, p.niche, p.specialization, p.location)
    FROM influencer_profiles p WHERE p.user_id = NEW.id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER influencer_search_user_update AFTER UPDATE OF display_name, bio ON users
  FOR EACH ROW WHEN (NEW.role = 'influencer') EXECUTE FUNCTION influencer_search_from_user();
--> statement-breakpoint
INSERT INTO influencer_search (user_id, document)
  SELECT u.id, influencer_search_document(u.display_name, u.username, u.bio, p.niche, p.specialization, p.location)
  FROM users u JOIN influencer_profiles p ON p.user_id = u.id;
