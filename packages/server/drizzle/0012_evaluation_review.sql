CREATE TABLE "evaluation_review_answers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "evaluation_review_answers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"evaluation_id" integer NOT NULL,
	"group_id" text NOT NULL,
	"unit_id" integer NOT NULL,
	"scores" jsonb NOT NULL,
	"total" numeric NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_review_invites" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "evaluation_review_invites_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"evaluation_id" integer NOT NULL,
	"group_id" text NOT NULL,
	"code_hash" text NOT NULL,
	"used" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evaluation_review_answers" ADD CONSTRAINT "evaluation_review_answers_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_review_answers" ADD CONSTRAINT "evaluation_review_answers_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_review_invites" ADD CONSTRAINT "evaluation_review_invites_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evaluation_review_answers_idx" ON "evaluation_review_answers" USING btree ("evaluation_id","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_review_invites_code_idx" ON "evaluation_review_invites" USING btree ("code_hash");