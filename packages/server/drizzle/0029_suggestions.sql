CREATE TABLE "suggestion_reviews" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "suggestion_reviews_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"suggestion_id" integer NOT NULL,
	"reviewer_id" integer NOT NULL,
	"scores" jsonb,
	"total" numeric,
	"comment" text DEFAULT '' NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"scored_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "suggestion_rounds" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "suggestion_rounds_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"office_unit_id" integer NOT NULL,
	"title" text NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"top_n" integer NOT NULL,
	"criteria" jsonb NOT NULL,
	"reward_levels" jsonb NOT NULL,
	"public_code" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "suggestions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "suggestions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"round_id" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"channel" text NOT NULL,
	"proposer_id" integer,
	"proposer_unit_id" integer,
	"proposer_name" text NOT NULL,
	"proposer_contact" text DEFAULT '' NOT NULL,
	"file_ids" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"decision_note" text DEFAULT '' NOT NULL,
	"decided_at" timestamp with time zone,
	"ledger_item_id" integer,
	"reward_level" text,
	"reward_amount" numeric,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "benchmark_figures" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "benchmark_figures_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"office_unit_id" integer NOT NULL,
	"indicator" text NOT NULL,
	"measure" text DEFAULT '' NOT NULL,
	"subject" text NOT NULL,
	"is_ours" boolean NOT NULL,
	"value" numeric NOT NULL,
	"previous" numeric,
	"as_of" date NOT NULL,
	"source" text NOT NULL,
	"caliber" text DEFAULT '' NOT NULL,
	"lower_is_better" boolean DEFAULT false NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "suggestion_reviews" ADD CONSTRAINT "suggestion_reviews_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_reviews" ADD CONSTRAINT "suggestion_reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_rounds" ADD CONSTRAINT "suggestion_rounds_office_unit_id_units_id_fk" FOREIGN KEY ("office_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_rounds" ADD CONSTRAINT "suggestion_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_round_id_suggestion_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."suggestion_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_proposer_id_users_id_fk" FOREIGN KEY ("proposer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_proposer_unit_id_units_id_fk" FOREIGN KEY ("proposer_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_ledger_item_id_ledger_items_id_fk" FOREIGN KEY ("ledger_item_id") REFERENCES "public"."ledger_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_figures" ADD CONSTRAINT "benchmark_figures_office_unit_id_units_id_fk" FOREIGN KEY ("office_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "suggestion_reviews_pair_idx" ON "suggestion_reviews" USING btree ("suggestion_id","reviewer_id");--> statement-breakpoint
CREATE INDEX "suggestion_reviews_reviewer_idx" ON "suggestion_reviews" USING btree ("reviewer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "suggestion_rounds_public_code_idx" ON "suggestion_rounds" USING btree ("public_code");--> statement-breakpoint
CREATE INDEX "suggestion_rounds_office_idx" ON "suggestion_rounds" USING btree ("office_unit_id");--> statement-breakpoint
CREATE INDEX "suggestions_round_idx" ON "suggestions" USING btree ("round_id","status");--> statement-breakpoint
CREATE INDEX "suggestions_proposer_idx" ON "suggestions" USING btree ("proposer_id");--> statement-breakpoint
CREATE INDEX "suggestions_unit_idx" ON "suggestions" USING btree ("proposer_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "benchmark_figures_subject_idx" ON "benchmark_figures" USING btree ("office_unit_id","indicator","subject");