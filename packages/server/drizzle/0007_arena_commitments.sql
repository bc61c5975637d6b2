ALTER TABLE "ledger_items" ADD COLUMN "arena_id" integer;--> statement-breakpoint
ALTER TABLE "ledger_items" ADD CONSTRAINT "ledger_items_arena_id_arenas_id_fk" FOREIGN KEY ("arena_id") REFERENCES "public"."arenas"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ledger_items_arena_idx" ON "ledger_items" USING btree ("arena_id");