-- Full-text search (FTS5) over campaigns and influencer profiles, kept in step by triggers.
CREATE VIRTUAL TABLE `campaigns_fts` USING fts5(title, description, niche, goals, content='campaigns', content_rowid='id', tokenize='porter unicode61');
--> statement-breakpoint
CREATE TRIGGER `campaigns_fts_insert` AFTER INSERT ON `campaigns` BEGIN
  INSERT INTO campaigns_fts(rowid, title, description, niche, goals) VALUES (new.id, new.title, new.description, new.niche, new.goals);
END;
--> statement-breakpoint
CREATE TRIGGER `campaigns_fts_delete` AFTER DELETE ON `campaigns` BEGIN
  INSERT INTO campaigns_fts(campaigns_fts, rowid, title, description, niche, goals) VALUES ('delete', old.id, old.title, old.description, old.niche, old.goals);
END;
--> statement-breakpoint
CREATE TRIGGER `campaigns_fts_update` AFTER UPDATE OF title, description, niche, goals ON `campaigns` BEGIN
  INSERT INTO campaigns_fts(campaigns_fts, rowid, title, description, niche, goals) VALUES ('delete', old.id, old.title, old.description, old.niche, old.goals);
  INSERT INTO campaigns_fts(rowid, title, description, niche, goals) VALUES (new.id, new.title, new.description, new.niche, new.goals);
END;
--> statement-breakpoint
INSERT INTO campaigns_fts(campaigns_fts) VALUES ('rebuild');
--> statement-breakpoint
CREATE VIRTUAL TABLE `influencers_fts` USING fts5(name, username, bio, niche, specialization, location, tokenize='porter unicode61');
--> statement-breakpoint
CREATE TRIGGER `influencers_fts_insert` AFTER INSERT ON `influencer_profiles` BEGIN
  INSERT INTO influencers_fts(rowid, name, username, bio, niche, specialization, location)
    SELECT u.id, u.display_name, u.username, u.bio, new.niche, new.specialization, new.location FROM users u WHERE u.id = new.user_id;
END;
--> statement-breakpoint
CREATE TRIGGER `influencers_fts_update` AFTER UPDATE OF niche, specialization, location ON `influencer_profiles` BEGIN
  DELETE FROM influencers_fts WHERE rowid = old.user_id;
  INSERT INTO influencers_fts(rowid, name, username, bio, niche, specialization, location)
    SELECT u.id, u.display_name, u.username, u.bio, new.niche, new.specialization, new.location FROM users u WHERE u.id = new.user_id;
END;
--> statement-breakpoint
CREATE TRIGGER `influencers_fts_delete` AFTER DELETE ON `influencer_profiles` BEGIN
  DELETE FROM influencers_fts WHERE rowid = old.user_id;
END;
--> statement-breakpoint
CREATE TRIGGER `influencers_fts_user_update` AFTER UPDATE OF display_name, bio ON `users` WHEN new.role = 'influencer' BEGIN
  DELETE FROM influencers_fts WHERE rowid = new.id;
  INSERT INTO influencers_fts(rowid, name, username, bio, niche, specialization, location)
    SELECT new.id, new.display_name, new.username, new.bio, p.niche, p.specialization, p.location FROM influencer_profiles p WHERE p.user_id = new.id;
END;
--> statement-breakpoint
INSERT INTO influencers_fts(rowid, name, username, bio, niche, specialization, location)
  SELECT u.id, u.display_name, u.username, u.bio, p.niche, p.specialization, p.location FROM users u JOIN influencer_profiles p ON p.user_id = u.id;
