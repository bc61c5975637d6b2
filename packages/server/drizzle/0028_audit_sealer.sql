-- Entries are written without their links and chained after commit by one sealer (modules/audit/sealer.ts):
-- no transaction waits on the chain's lock. `id` is the entry as written; `seq` its place in the chain.
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_pkey";--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "seq" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "prev_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "id" bigint;--> statement-breakpoint
-- Entries chained before keep their place as their id.
ALTER TABLE "audit_log" DISABLE TRIGGER "audit_log_no_update";--> statement-breakpoint
UPDATE "audit_log" SET "id" = "seq";--> statement-breakpoint
ALTER TABLE "audit_log" ENABLE TRIGGER "audit_log_no_update";--> statement-breakpoint
CREATE SEQUENCE "audit_log_id_seq" OWNED BY "audit_log"."id";--> statement-breakpoint
SELECT setval('audit_log_id_seq', COALESCE((SELECT max("id") FROM "audit_log"), 0) + 1, false);--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "id" SET DEFAULT nextval('audit_log_id_seq');--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD PRIMARY KEY ("id");--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "mac" text;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_seq_idx" ON "audit_log" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "audit_log_unsealed_idx" ON "audit_log" USING btree ("id") WHERE "audit_log"."seq" IS NULL;--> statement-breakpoint
-- Still append-only, with one exception: the sealer gives an entry without links its place and links, and
-- changes nothing else.
CREATE OR REPLACE FUNCTION leitai_audit_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF OLD.seq IS NULL AND OLD.hash IS NULL AND NEW.seq IS NOT NULL AND NEW.hash IS NOT NULL
       AND (NEW.id, NEW.at, NEW.actor_id, NEW.actor_name, NEW.action, NEW.target_type, NEW.target_id, NEW.unit_id,
            NEW.before, NEW.after, NEW.address, NEW.algorithm, NEW.mac)
       IS NOT DISTINCT FROM
           (OLD.id, OLD.at, OLD.actor_id, OLD.actor_name, OLD.action, OLD.target_type, OLD.target_id, OLD.unit_id,
            OLD.before, OLD.after, OLD.address, OLD.algorithm, OLD.mac) THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
