CREATE TABLE "board_stamp" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO "board_stamp" ("id", "version") VALUES (1, 0);--> statement-breakpoint
-- Raised once per transaction, at its commit (a deferred trigger): the row's lock is held only for the
-- commit itself, after every other lock the transaction takes, so writers neither queue nor deadlock on it.
CREATE OR REPLACE FUNCTION leitai_board_changed() RETURNS trigger AS $$
BEGIN
  IF TG_LEVEL = 'STATEMENT' OR current_setting('leitai.board_changed', true) IS DISTINCT FROM 'yes' THEN
    PERFORM set_config('leitai.board_changed', 'yes', true);
    UPDATE "board_stamp" SET "version" = "version" + 1 WHERE "id" = 1;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "board_changed" AFTER INSERT OR UPDATE OR DELETE ON "reports" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION leitai_board_changed();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "board_changed" AFTER INSERT OR UPDATE OR DELETE ON "report_values" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION leitai_board_changed();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "board_changed" AFTER INSERT OR UPDATE OR DELETE ON "targets" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION leitai_board_changed();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "board_changed" AFTER INSERT OR UPDATE OR DELETE ON "indicators" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION leitai_board_changed();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "board_changed" AFTER INSERT OR UPDATE OR DELETE ON "dispatch_periods" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION leitai_board_changed();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "board_changed" AFTER INSERT OR UPDATE OR DELETE ON "units" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION leitai_board_changed();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "board_changed" AFTER INSERT OR UPDATE OR DELETE ON "categories" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION leitai_board_changed();--> statement-breakpoint
CREATE TRIGGER "board_truncated" AFTER TRUNCATE ON "reports" FOR EACH STATEMENT EXECUTE FUNCTION leitai_board_changed();--> statement-breakpoint
CREATE TRIGGER "board_truncated" AFTER TRUNCATE ON "report_values" FOR EACH STATEMENT EXECUTE FUNCTION leitai_board_changed();--> statement-breakpoint
CREATE TRIGGER "board_truncated" AFTER TRUNCATE ON "targets" FOR EACH STATEMENT EXECUTE FUNCTION leitai_board_changed();--> statement-breakpoint
CREATE TRIGGER "board_truncated" AFTER TRUNCATE ON "indicators" FOR EACH STATEMENT EXECUTE FUNCTION leitai_board_changed();--> statement-breakpoint
CREATE TRIGGER "board_truncated" AFTER TRUNCATE ON "dispatch_periods" FOR EACH STATEMENT EXECUTE FUNCTION leitai_board_changed();--> statement-breakpoint
CREATE TRIGGER "board_truncated" AFTER TRUNCATE ON "units" FOR EACH STATEMENT EXECUTE FUNCTION leitai_board_changed();--> statement-breakpoint
CREATE TRIGGER "board_truncated" AFTER TRUNCATE ON "categories" FOR EACH STATEMENT EXECUTE FUNCTION leitai_board_changed();
