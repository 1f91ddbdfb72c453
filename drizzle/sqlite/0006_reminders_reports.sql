CREATE TABLE `periodic_notices` (
	`kind` text NOT NULL,
	`user_id` integer NOT NULL,
	`period` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`kind`, `period`, `user_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `users` ADD `last_seen_at` integer;