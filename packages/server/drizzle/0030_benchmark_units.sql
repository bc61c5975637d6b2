CREATE TABLE "benchmark_models" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "benchmark_models_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"office_unit_id" integer NOT NULL,
	"unit_id" integer,
	"subject" text NOT NULL,
	"chosen_by" integer,
	"chosen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "benchmark_models_unit_key" UNIQUE NULLS NOT DISTINCT("office_unit_id","unit_id")
);
--> statement-breakpoint
DROP INDEX "benchmark_figures_subject_idx";--> statement-breakpoint
ALTER TABLE "benchmark_figures" ADD COLUMN "unit_id" integer;--> statement-breakpoint
ALTER TABLE "benchmark_models" ADD CONSTRAINT "benchmark_models_office_unit_id_units_id_fk" FOREIGN KEY ("office_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_models" ADD CONSTRAINT "benchmark_models_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_models" ADD CONSTRAINT "benchmark_models_chosen_by_users_id_fk" FOREIGN KEY ("chosen_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_figures" ADD CONSTRAINT "benchmark_figures_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_figures" ADD CONSTRAINT "benchmark_figures_subject_key" UNIQUE NULLS NOT DISTINCT("office_unit_id","unit_id","indicator","subject");