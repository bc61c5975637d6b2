CREATE TABLE "document_numbers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "document_numbers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"office_unit_id" integer NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"issued_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "document_numbers" ADD CONSTRAINT "document_numbers_office_unit_id_units_id_fk" FOREIGN KEY ("office_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "document_numbers_subject_idx" ON "document_numbers" USING btree ("office_unit_id","kind","subject");--> statement-breakpoint
CREATE UNIQUE INDEX "document_numbers_seq_idx" ON "document_numbers" USING btree ("office_unit_id","year","seq");