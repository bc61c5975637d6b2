ALTER TABLE "arena_judges" ADD COLUMN "user_id" integer;--> statement-breakpoint
ALTER TABLE "arena_judges" ADD CONSTRAINT "arena_judges_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "arena_judges_user_idx" ON "arena_judges" USING btree ("user_id","arena_id");