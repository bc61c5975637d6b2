CREATE TABLE "cadre_exemptions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "cadre_exemptions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"cadre_id" integer NOT NULL,
	"matter" text NOT NULL,
	"decision" text NOT NULL,
	"basis" text NOT NULL,
	"decided_by" text NOT NULL,
	"decided_on" date NOT NULL,
	"item_id" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cadre_exemptions" ADD CONSTRAINT "cadre_exemptions_cadre_id_cadres_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."cadres"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadre_exemptions" ADD CONSTRAINT "cadre_exemptions_item_id_ledger_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."ledger_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadre_exemptions" ADD CONSTRAINT "cadre_exemptions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cadre_exemptions_cadre_idx" ON "cadre_exemptions" USING btree ("cadre_id");