CREATE TABLE "instructions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "instructions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"subject" text NOT NULL,
	"ledger_item_id" integer,
	"period_id" integer,
	"unit_id" integer NOT NULL,
	"text" text NOT NULL,
	"what" text NOT NULL,
	"link" text NOT NULL,
	"by_user_id" integer NOT NULL,
	"by_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"answer" text,
	"answered_by" integer,
	"answered_by_name" text,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "urges" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "urges_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"subject" text NOT NULL,
	"ledger_item_id" integer,
	"period_id" integer,
	"unit_id" integer NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"by_user_id" integer NOT NULL,
	"by_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "instructions" ADD CONSTRAINT "instructions_ledger_item_id_ledger_items_id_fk" FOREIGN KEY ("ledger_item_id") REFERENCES "public"."ledger_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instructions" ADD CONSTRAINT "instructions_period_id_dispatch_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."dispatch_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instructions" ADD CONSTRAINT "instructions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instructions" ADD CONSTRAINT "instructions_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instructions" ADD CONSTRAINT "instructions_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "urges" ADD CONSTRAINT "urges_ledger_item_id_ledger_items_id_fk" FOREIGN KEY ("ledger_item_id") REFERENCES "public"."ledger_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "urges" ADD CONSTRAINT "urges_period_id_dispatch_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."dispatch_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "urges" ADD CONSTRAINT "urges_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "urges" ADD CONSTRAINT "urges_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "instructions_item_idx" ON "instructions" USING btree ("ledger_item_id");--> statement-breakpoint
CREATE INDEX "instructions_report_idx" ON "instructions" USING btree ("period_id","unit_id");--> statement-breakpoint
CREATE INDEX "instructions_by_idx" ON "instructions" USING btree ("by_user_id");--> statement-breakpoint
CREATE INDEX "instructions_unit_idx" ON "instructions" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "urges_item_idx" ON "urges" USING btree ("ledger_item_id");--> statement-breakpoint
CREATE INDEX "urges_report_idx" ON "urges" USING btree ("period_id","unit_id");--> statement-breakpoint
CREATE INDEX "urges_at_idx" ON "urges" USING btree ("at");