CREATE TABLE "project_cards" (
	"project_id" integer NOT NULL,
	"period" text NOT NULL,
	"card" text NOT NULL,
	"reasons" jsonb NOT NULL,
	"rules_version" integer NOT NULL,
	"settled_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_interviews" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "project_interviews_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"project_id" integer NOT NULL,
	"period" text NOT NULL,
	"rung" text NOT NULL,
	"interviewer_id" integer,
	"ledger_item_id" integer NOT NULL,
	"held_on" date,
	"record" text,
	"recorded_by" integer
);
--> statement-breakpoint
CREATE TABLE "project_milestones" (
	"project_id" integer NOT NULL,
	"milestone" text NOT NULL,
	"reached_on" date NOT NULL,
	"recorded_by" integer
);
--> statement-breakpoint
CREATE TABLE "project_months" (
	"project_id" integer NOT NULL,
	"period" text NOT NULL,
	"investment" numeric NOT NULL,
	"problem" text DEFAULT '' NOT NULL,
	"reported_by" integer,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_plan_changes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "project_plan_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"project_id" integer NOT NULL,
	"year" integer NOT NULL,
	"from_version" integer NOT NULL,
	"proposed" jsonb NOT NULL,
	"reason" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"requested_by" integer NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"decision" text
);
--> statement-breakpoint
CREATE TABLE "project_plans" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "project_plans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"project_id" integer NOT NULL,
	"year" integer NOT NULL,
	"version" integer NOT NULL,
	"plan" jsonb NOT NULL,
	"reason" text NOT NULL,
	"change_id" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_steps" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "project_steps_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"project_id" integer NOT NULL,
	"milestone" text NOT NULL,
	"seq" integer NOT NULL,
	"title" text NOT NULL,
	"working_days" integer NOT NULL,
	"deadline" date NOT NULL,
	"done_on" date
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "projects_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"total_investment" numeric NOT NULL,
	"unit_id" integer NOT NULL,
	"co_unit_ids" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"leader_id" integer,
	"deputy_leader_id" integer,
	"owner" text DEFAULT '' NOT NULL,
	"manager" text DEFAULT '' NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"lng" numeric,
	"lat" numeric,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "project_cards" ADD CONSTRAINT "project_cards_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_interviews" ADD CONSTRAINT "project_interviews_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_interviews" ADD CONSTRAINT "project_interviews_interviewer_id_users_id_fk" FOREIGN KEY ("interviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_interviews" ADD CONSTRAINT "project_interviews_ledger_item_id_ledger_items_id_fk" FOREIGN KEY ("ledger_item_id") REFERENCES "public"."ledger_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_milestones" ADD CONSTRAINT "project_milestones_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_months" ADD CONSTRAINT "project_months_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_plan_changes" ADD CONSTRAINT "project_plan_changes_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_plans" ADD CONSTRAINT "project_plans_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_steps" ADD CONSTRAINT "project_steps_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_leader_id_users_id_fk" FOREIGN KEY ("leader_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_deputy_leader_id_users_id_fk" FOREIGN KEY ("deputy_leader_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "project_cards_pk" ON "project_cards" USING btree ("project_id","period");--> statement-breakpoint
CREATE INDEX "project_cards_period_idx" ON "project_cards" USING btree ("period");--> statement-breakpoint
CREATE UNIQUE INDEX "project_interviews_month_idx" ON "project_interviews" USING btree ("project_id","period");--> statement-breakpoint
CREATE INDEX "project_interviews_item_idx" ON "project_interviews" USING btree ("ledger_item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "project_milestones_pk" ON "project_milestones" USING btree ("project_id","milestone");--> statement-breakpoint
CREATE UNIQUE INDEX "project_months_pk" ON "project_months" USING btree ("project_id","period");--> statement-breakpoint
CREATE INDEX "project_months_period_idx" ON "project_months" USING btree ("period");--> statement-breakpoint
CREATE INDEX "project_plan_changes_project_idx" ON "project_plan_changes" USING btree ("project_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "project_plans_version_idx" ON "project_plans" USING btree ("project_id","year","version");--> statement-breakpoint
CREATE INDEX "project_steps_project_idx" ON "project_steps" USING btree ("project_id","milestone","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "projects_code_idx" ON "projects" USING btree ("code");--> statement-breakpoint
CREATE INDEX "projects_unit_idx" ON "projects" USING btree ("unit_id");--> statement-breakpoint
CREATE OR REPLACE FUNCTION leitai_project_plans_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER project_plans_frozen BEFORE UPDATE OR DELETE ON project_plans FOR EACH ROW EXECUTE FUNCTION leitai_project_plans_append_only();
