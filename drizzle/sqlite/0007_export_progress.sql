ALTER TABLE `exports` ADD `row_count` integer;--> statement-breakpoint
ALTER TABLE `exports` ADD `byte_size` integer;--> statement-breakpoint
ALTER TABLE `exports` ADD `started_at` integer;--> statement-breakpoint
ALTER TABLE `exports` ADD `heartbeat_at` integer;--> statement-breakpoint
CREATE INDEX `exports_status_idx` ON `exports` (`status`,`heartbeat_at`);--> statement-breakpoint
CREATE INDEX `ad_requests_campaign_id_idx` ON `ad_requests` (`campaign_id`,`id`);--> statement-breakpoint
CREATE INDEX `campaigns_sponsor_id_idx` ON `campaigns` (`sponsor_id`,`id`);