-- The admins' user search: an FTS5 index over what a person is known by (username, e-mail
-- address, display name), kept in step by triggers. No stemming: these are names, searched by
-- the beginnings of their words.
CREATE VIRTUAL TABLE `users_fts` USING fts5(username, email, display_name, content='users', content_rowid='id', tokenize='unicode61');
--> statement-breakpoint
CREATE TRIGGER `users_fts_insert` AFTER INSERT ON `users` BEGIN
  INSERT INTO users_fts(rowid, username, email, display_name) VALUES (new.id, new.username, new.email, new.display_name);
END;
--> statement-breakpoint
CREATE TRIGGER `users_fts_delete` AFTER DELETE ON `users` BEGIN
  INSERT INTO users_fts(users_fts, rowid, username, email, display_name) VALUES ('delete', old.id, old.username, old.email, old.display_name);
END;
--> statement-breakpoint
CREATE TRIGGER `users_fts_update` AFTER UPDATE OF username, email, display_name ON `users` BEGIN
  INSERT INTO users_fts(users_fts, rowid, username, email, display_name) VALUES ('delete', old.id, old.username, old.email, old.display_name);
  INSERT INTO users_fts(rowid, username, email, display_name) VALUES (new.id, new.username, new.email, new.display_name);
END;
--> statement-breakpoint
INSERT INTO users_fts(users_fts) VALUES ('rebuild');
