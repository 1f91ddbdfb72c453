DROP INDEX "ad_requests_campaign_idx";--> statement-breakpoint
DROP INDEX "influencer_niche_audience_idx";--> statement-breakpoint
DROP INDEX "influencer_engagement_idx";--> statement-breakpoint
ALTER TABLE "influencer_profiles" ADD COLUMN "track_agreed" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "influencer_profiles" ADD COLUMN "track_completed" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "influencer_profiles" ADD COLUMN "track_rejected" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE "influencer_profiles" SET
  "track_agreed" = (SELECT count(*) FROM "ad_requests" r WHERE r."influencer_id" = "influencer_profiles"."user_id" AND r."status" IN ('accepted', 'completed')),
  "track_completed" = (SELECT count(*) FROM "ad_requests" r WHERE r."influencer_id" = "influencer_profiles"."user_id" AND r."status" = 'completed'),
  "track_rejected" = (SELECT count(*) FROM "ad_requests" r WHERE r."influencer_id" = "influencer_profiles"."user_id" AND r."status" = 'rejected');--> statement-breakpoint
CREATE INDEX "ad_requests_campaign_idx" ON "ad_requests" USING btree ("campaign_id","status","influencer_id","payment_amount");--> statement-breakpoint
CREATE INDEX "influencer_niche_audience_idx" ON "influencer_profiles" USING btree ("niche","audience_size","user_id","engagement_rate","minimum_rate","track_agreed","track_completed","track_rejected");--> statement-breakpoint
CREATE INDEX "influencer_engagement_idx" ON "influencer_profiles" USING btree ("engagement_rate","user_id","niche","audience_size","minimum_rate","track_agreed","track_completed","track_rejected");