CREATE TABLE `ad_request_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ad_request_id` integer NOT NULL,
	`kind` text NOT NULL,
	`actor_id` integer,
	`payment_amount` integer,
	`message` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`ad_request_id`) REFERENCES `ad_requests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `ad_request_events_request_idx` ON `ad_request_events` (`ad_request_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `ad_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`influencer_id` integer NOT NULL,
	`requirements` text NOT NULL,
	`payment_amount` integer NOT NULL,
	`status` text NOT NULL,
	`initiated_by` text NOT NULL,
	`last_offer_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`influencer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `ad_requests_campaign_idx` ON `ad_requests` (`campaign_id`,`status`);--> statement-breakpoint
CREATE INDEX `ad_requests_influencer_idx` ON `ad_requests` (`influencer_id`,`status`);--> statement-breakpoint
CREATE INDEX `ad_requests_status_idx` ON `ad_requests` (`status`,`updated_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `ad_requests_one_open_idx` ON `ad_requests` (`campaign_id`,`influencer_id`) WHERE status in ('pending', 'negotiating', 'accepted');--> statement-breakpoint
CREATE TABLE `auth_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`user_agent` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	`revoked_reason` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `auth_sessions_user_idx` ON `auth_sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sponsor_id` integer NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`niche` text NOT NULL,
	`goals` text DEFAULT '' NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`visibility` text NOT NULL,
	`budget` integer NOT NULL,
	`status` text NOT NULL,
	`flagged` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`sponsor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaigns_slug_unique` ON `campaigns` (`slug`);--> statement-breakpoint
CREATE INDEX `campaigns_public_list_idx` ON `campaigns` (`visibility`,`flagged`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `campaigns_sponsor_idx` ON `campaigns` (`sponsor_id`,`status`);--> statement-breakpoint
CREATE INDEX `campaigns_niche_idx` ON `campaigns` (`niche`,`status`);--> statement-breakpoint
CREATE INDEX `campaigns_budget_idx` ON `campaigns` (`budget`);--> statement-breakpoint
CREATE INDEX `campaigns_dates_idx` ON `campaigns` (`status`,`start_date`,`end_date`);--> statement-breakpoint
CREATE TABLE `exports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`owner_id` integer NOT NULL,
	`kind` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`progress` integer DEFAULT 0 NOT NULL,
	`file_path` text,
	`error` text,
	`created_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `exports_owner_idx` ON `exports` (`owner_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `flags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`target_type` text NOT NULL,
	`target_id` integer NOT NULL,
	`reason` text NOT NULL,
	`reporter_id` integer,
	`status` text DEFAULT 'open' NOT NULL,
	`resolver_id` integer,
	`resolved_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`reporter_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`resolver_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `flags_target_idx` ON `flags` (`target_type`,`target_id`);--> statement-breakpoint
CREATE INDEX `flags_status_idx` ON `flags` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `influencer_profiles` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`niche` text NOT NULL,
	`specialization` text DEFAULT '' NOT NULL,
	`platforms` text DEFAULT '[]' NOT NULL,
	`audience_size` integer DEFAULT 0 NOT NULL,
	`engagement_rate` real DEFAULT 0 NOT NULL,
	`location` text DEFAULT '' NOT NULL,
	`minimum_rate` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `influencer_niche_audience_idx` ON `influencer_profiles` (`niche`,`audience_size`);--> statement-breakpoint
CREATE INDEX `influencer_audience_idx` ON `influencer_profiles` (`audience_size`);--> statement-breakpoint
CREATE INDEX `influencer_engagement_idx` ON `influencer_profiles` (`engagement_rate`);--> statement-breakpoint
CREATE INDEX `influencer_location_idx` ON `influencer_profiles` (`location`);--> statement-breakpoint
CREATE TABLE `job_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`task` text NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`outcome` text DEFAULT 'running' NOT NULL,
	`summary` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `job_runs_task_idx` ON `job_runs` (`task`,`started_at`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`payload` text DEFAULT '{}' NOT NULL,
	`read_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `notifications_inbox_idx` ON `notifications` (`user_id`,`read_at`,`created_at`);--> statement-breakpoint
CREATE TABLE `refresh_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `auth_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `refresh_tokens_token_hash_unique` ON `refresh_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `refresh_tokens_session_idx` ON `refresh_tokens` (`session_id`);--> statement-breakpoint
CREATE TABLE `sponsor_profiles` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`company` text NOT NULL,
	`sector` text NOT NULL,
	`website` text DEFAULT '' NOT NULL,
	`budget` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`email` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`display_name` text NOT NULL,
	`bio` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`flagged` integer DEFAULT false NOT NULL,
	`token_version` integer DEFAULT 0 NOT NULL,
	`last_login_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE INDEX `users_role_status_idx` ON `users` (`role`,`status`);--> statement-breakpoint
CREATE INDEX `users_created_idx` ON `users` (`created_at`);