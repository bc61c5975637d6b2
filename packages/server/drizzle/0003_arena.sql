CREATE TABLE "arena_contestants" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "arena_contestants_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"arena_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"presenter" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "arena_judges" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "arena_judges_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"arena_id" integer NOT NULL,
	"name" text NOT NULL,
	"group_id" text NOT NULL,
	"unit_id" integer,
	"code_hash" text,
	"device_hash" text,
	"device_seen_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "arena_recusals" (
	"arena_id" integer NOT NULL,
	"judge_id" integer NOT NULL,
	"contestant_id" integer NOT NULL,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "arena_recusals_judge_id_contestant_id_pk" PRIMARY KEY("judge_id","contestant_id")
);
--> statement-breakpoint
CREATE TABLE "arena_scores" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "arena_scores_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"arena_id" integer NOT NULL,
	"judge_id" integer NOT NULL,
	"contestant_id" integer NOT NULL,
	"criteria" jsonb NOT NULL,
	"total" numeric NOT NULL,
	"reason" text,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "arenas" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "arenas_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"campaign_id" integer,
	"title" text NOT NULL,
	"held_on" text NOT NULL,
	"scheme" jsonb NOT NULL,
	"speaking_seconds" integer NOT NULL,
	"seed" text,
	"state" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"screen_token" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "arena_contestants" ADD CONSTRAINT "arena_contestants_arena_id_arenas_id_fk" FOREIGN KEY ("arena_id") REFERENCES "public"."arenas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arena_contestants" ADD CONSTRAINT "arena_contestants_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arena_judges" ADD CONSTRAINT "arena_judges_arena_id_arenas_id_fk" FOREIGN KEY ("arena_id") REFERENCES "public"."arenas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arena_judges" ADD CONSTRAINT "arena_judges_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arena_recusals" ADD CONSTRAINT "arena_recusals_arena_id_arenas_id_fk" FOREIGN KEY ("arena_id") REFERENCES "public"."arenas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arena_recusals" ADD CONSTRAINT "arena_recusals_judge_id_arena_judges_id_fk" FOREIGN KEY ("judge_id") REFERENCES "public"."arena_judges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arena_recusals" ADD CONSTRAINT "arena_recusals_contestant_id_arena_contestants_id_fk" FOREIGN KEY ("contestant_id") REFERENCES "public"."arena_contestants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arena_scores" ADD CONSTRAINT "arena_scores_arena_id_arenas_id_fk" FOREIGN KEY ("arena_id") REFERENCES "public"."arenas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arena_scores" ADD CONSTRAINT "arena_scores_judge_id_arena_judges_id_fk" FOREIGN KEY ("judge_id") REFERENCES "public"."arena_judges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arena_scores" ADD CONSTRAINT "arena_scores_contestant_id_arena_contestants_id_fk" FOREIGN KEY ("contestant_id") REFERENCES "public"."arena_contestants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arenas" ADD CONSTRAINT "arenas_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "arena_contestants_unit_idx" ON "arena_contestants" USING btree ("arena_id","unit_id");--> statement-breakpoint
CREATE INDEX "arena_judges_arena_idx" ON "arena_judges" USING btree ("arena_id");--> statement-breakpoint
CREATE UNIQUE INDEX "arena_judges_code_idx" ON "arena_judges" USING btree ("code_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "arena_judges_device_idx" ON "arena_judges" USING btree ("device_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "arena_scores_pair_idx" ON "arena_scores" USING btree ("judge_id","contestant_id");--> statement-breakpoint
CREATE INDEX "arena_scores_arena_idx" ON "arena_scores" USING btree ("arena_id");