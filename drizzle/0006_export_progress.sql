ALTER TABLE `exports` ADD `row_count` integer;--> statement-breakpoint
ALTER TABLE `exports` ADD `byte_size` integer;--> statement-breakpoint
ALTER TABLE `exports` ADD `started_at` integer;--> statement-breakpoint
ALTER TABLE `exports` ADD `heartbeat_at` integer;--> statement-breakpoint
CREATE INDEX `exports_status_idx` ON `exports` (`status`,`heartbeat_at`);