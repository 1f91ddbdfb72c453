-- SQLite adds a NOT NULL column only with a default: every profile gets its account's creation
-- next, and the application always writes it.
ALTER TABLE `influencer_profiles` ADD `joined_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE `influencer_profiles` SET `joined_at` = (SELECT u.`created_at` FROM `users` u WHERE u.`id` = `influencer_profiles`.`user_id`);--> statement-breakpoint
CREATE INDEX `influencer_niche_joined_idx` ON `influencer_profiles` (`niche`,`joined_at`,`user_id`);--> statement-breakpoint
CREATE INDEX `influencer_joined_idx` ON `influencer_profiles` (`joined_at`,`user_id`);
