DROP INDEX "ad_requests_updated_idx";--> statement-breakpoint
CREATE INDEX "ad_requests_updated_idx" ON "ad_requests" USING btree ("updated_at","id");