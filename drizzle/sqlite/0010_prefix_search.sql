-- Campaign and influencer search match the beginnings of words as typed, unstemmed. The Porter
-- stemmer also stemmed the typed beginning, which then no longer began the word: "play" became
-- "plai" and missed "PlayStation". Each typed word matches as a prefix, which covers a word's
-- longer forms ("run" finds "running"). The triggers of 0001 keep these tables in step as before.
DROP TABLE `campaigns_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `campaigns_fts` USING fts5(title, description, niche, goals, content='campaigns', content_rowid='id', tokenize='unicode61');
--> statement-breakpoint
INSERT INTO campaigns_fts(campaigns_fts) VALUES ('rebuild');
--> statement-breakpoint
DROP TABLE `influencers_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `influencers_fts` USING fts5(name, username, bio, niche, specialization, location, tokenize='unicode61');
--> statement-breakpoint
INSERT INTO influencers_fts(rowid, name, username, bio, niche, specialization, location)
  SELECT u.id, u.display_name, u.username, u.bio, p.niche, p.specialization, p.location FROM users u JOIN influencer_profiles p ON p.user_id = u.id;
