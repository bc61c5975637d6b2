-- Offices at every level (issue 17). Every tree's root runs campaigns; what exists already belongs to
-- the district's office: the root of its unit's tree (ledger items, rating points) or the first root.
ALTER TABLE "units" ADD COLUMN "is_office" boolean DEFAULT false NOT NULL;--> statement-breakpoint
UPDATE "units" SET "is_office" = true WHERE "parent_id" IS NULL;--> statement-breakpoint
ALTER TABLE "arenas" ADD COLUMN "office_unit_id" integer;--> statement-breakpoint
ALTER TABLE "ledger_items" ADD COLUMN "office_unit_id" integer;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "office_unit_id" integer;--> statement-breakpoint
ALTER TABLE "rating_points" ADD COLUMN "office_unit_id" integer;--> statement-breakpoint
UPDATE "arenas" SET "office_unit_id" = (SELECT min("id") FROM "units" WHERE "parent_id" IS NULL);--> statement-breakpoint
UPDATE "campaigns" SET "office_unit_id" = (SELECT min("id") FROM "units" WHERE "parent_id" IS NULL);--> statement-breakpoint
UPDATE "ledger_items" i SET "office_unit_id" = split_part(u."path", '/', 2)::integer FROM "units" u WHERE u."id" = i."lead_unit_id";--> statement-breakpoint
UPDATE "rating_points" p SET "office_unit_id" = split_part(u."path", '/', 2)::integer FROM "units" u WHERE u."id" = p."unit_id";--> statement-breakpoint
ALTER TABLE "arenas" ALTER COLUMN "office_unit_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "ledger_items" ALTER COLUMN "office_unit_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ALTER COLUMN "office_unit_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "rating_points" ALTER COLUMN "office_unit_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "arenas" ADD CONSTRAINT "arenas_office_unit_id_units_id_fk" FOREIGN KEY ("office_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_items" ADD CONSTRAINT "ledger_items_office_unit_id_units_id_fk" FOREIGN KEY ("office_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_office_unit_id_units_id_fk" FOREIGN KEY ("office_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_points" ADD CONSTRAINT "rating_points_office_unit_id_units_id_fk" FOREIGN KEY ("office_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;
