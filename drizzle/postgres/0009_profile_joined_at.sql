ALTER TABLE "influencer_profiles" ADD COLUMN "joined_at" timestamp (3) with time zone;--> statement-breakpoint
UPDATE "influencer_profiles" SET "joined_at" = u."created_at" FROM "users" u WHERE u."id" = "influencer_profiles"."user_id";--> statement-breakpoint
ALTER TABLE "influencer_profiles" ALTER COLUMN "joined_at" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "influencer_niche_joined_idx" ON "influencer_profiles" USING btree ("niche","joined_at","user_id");--> statement-breakpoint
CREATE INDEX "influencer_joined_idx" ON "influencer_profiles" USING btree ("joined_at","user_id");