CREATE TABLE "arena_commitments" (
	"ledger_item_id" integer PRIMARY KEY NOT NULL,
	"arena_id" integer NOT NULL,
	"contestant_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cadre_posts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "cadre_posts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"cadre_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"post" text NOT NULL,
	"since" date NOT NULL,
	"until" date
);
--> statement-breakpoint
CREATE TABLE "cadres" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "cadres_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"post" text NOT NULL,
	"unit_id" integer NOT NULL,
	"since" date NOT NULL,
	"user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "arena_contestants_unit_idx";--> statement-breakpoint
ALTER TABLE "arena_contestants" ADD COLUMN "kind" text DEFAULT 'unit' NOT NULL;--> statement-breakpoint
ALTER TABLE "arena_contestants" ADD COLUMN "cadre_id" integer;--> statement-breakpoint
ALTER TABLE "arenas" ADD COLUMN "kind" text;--> statement-breakpoint
ALTER TABLE "arena_commitments" ADD CONSTRAINT "arena_commitments_arena_id_arenas_id_fk" FOREIGN KEY ("arena_id") REFERENCES "public"."arenas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arena_commitments" ADD CONSTRAINT "arena_commitments_contestant_id_arena_contestants_id_fk" FOREIGN KEY ("contestant_id") REFERENCES "public"."arena_contestants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadre_posts" ADD CONSTRAINT "cadre_posts_cadre_id_cadres_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."cadres"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadre_posts" ADD CONSTRAINT "cadre_posts_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadres" ADD CONSTRAINT "cadres_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadres" ADD CONSTRAINT "cadres_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "arena_commitments_contestant_idx" ON "arena_commitments" USING btree ("contestant_id");--> statement-breakpoint
CREATE INDEX "cadre_posts_cadre_idx" ON "cadre_posts" USING btree ("cadre_id");--> statement-breakpoint
CREATE INDEX "cadres_unit_idx" ON "cadres" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cadres_user_idx" ON "cadres" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "arena_contestants" ADD CONSTRAINT "arena_contestants_cadre_id_cadres_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."cadres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "arena_contestants_cadre_idx" ON "arena_contestants" USING btree ("arena_id","cadre_id");--> statement-breakpoint
CREATE INDEX "arena_contestants_cadre_lookup_idx" ON "arena_contestants" USING btree ("cadre_id");--> statement-breakpoint
CREATE UNIQUE INDEX "arena_contestants_unit_idx" ON "arena_contestants" USING btree ("arena_id","unit_id") WHERE kind = 'unit';