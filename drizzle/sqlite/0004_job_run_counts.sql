ALTER TABLE `job_runs` ADD `counts` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `job_runs` ADD `error` text;