CREATE TABLE "project_stamp" (
	"id" integer PRIMARY KEY NOT NULL,
	"n" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO "project_stamp" ("id", "n") VALUES (1, 0);
--> statement-breakpoint
-- Statement-level, so an import of 2,000 rows bumps once. The update holds the row until the writer
-- commits: writes to projects' tables queue behind each other there, for the length of a short transaction.
CREATE OR REPLACE FUNCTION leitai_project_stamp_bump() RETURNS trigger AS $$
BEGIN
  INSERT INTO project_stamp (id, n) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET n = project_stamp.n + 1;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER projects_stamp AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON projects FOR EACH STATEMENT EXECUTE FUNCTION leitai_project_stamp_bump();
--> statement-breakpoint
CREATE TRIGGER project_plans_stamp AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON project_plans FOR EACH STATEMENT EXECUTE FUNCTION leitai_project_stamp_bump();
--> statement-breakpoint
CREATE TRIGGER project_milestones_stamp AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON project_milestones FOR EACH STATEMENT EXECUTE FUNCTION leitai_project_stamp_bump();
--> statement-breakpoint
CREATE TRIGGER project_steps_stamp AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON project_steps FOR EACH STATEMENT EXECUTE FUNCTION leitai_project_stamp_bump();
--> statement-breakpoint
CREATE TRIGGER project_months_stamp AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON project_months FOR EACH STATEMENT EXECUTE FUNCTION leitai_project_stamp_bump();
--> statement-breakpoint
CREATE TRIGGER project_cards_stamp AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON project_cards FOR EACH STATEMENT EXECUTE FUNCTION leitai_project_stamp_bump();
