CREATE TABLE "rating_appeals" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rating_appeals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"rating_id" integer NOT NULL,
	"reason" text NOT NULL,
	"file_ids" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"decision" text
);
--> statement-breakpoint
CREATE TABLE "rating_points" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rating_points_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'unit' NOT NULL,
	"code" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ratings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ratings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"point_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"stars" smallint NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"reason" text,
	"case_no" text,
	"device_id" text NOT NULL,
	"period_start" date NOT NULL,
	"rated_on" date NOT NULL,
	"phone_cipher" text,
	"address_hash" text,
	"range_hash" text,
	"lookup_code" text NOT NULL,
	"review" text DEFAULT 'none' NOT NULL,
	"review_reason" text,
	"reviewed_by" integer,
	"reviewed_at" timestamp with time zone,
	"appeal" text DEFAULT 'none' NOT NULL,
	"ledger_item_id" integer,
	"follow_up" text DEFAULT 'none' NOT NULL,
	"follow_up_comment" text,
	"follow_up_at" timestamp with time zone,
	"callback_due" date,
	"called_back_at" timestamp with time zone,
	"called_back_by" integer,
	"callback_caller" text,
	"callback_outcome" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ratings_stars_check" CHECK ("ratings"."stars" BETWEEN 1 AND 5)
);
--> statement-breakpoint
ALTER TABLE "ledger_items" ALTER COLUMN "created_by" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "rating_appeals" ADD CONSTRAINT "rating_appeals_rating_id_ratings_id_fk" FOREIGN KEY ("rating_id") REFERENCES "public"."ratings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_appeals" ADD CONSTRAINT "rating_appeals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_appeals" ADD CONSTRAINT "rating_appeals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_points" ADD CONSTRAINT "rating_points_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_point_id_rating_points_id_fk" FOREIGN KEY ("point_id") REFERENCES "public"."rating_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_ledger_item_id_ledger_items_id_fk" FOREIGN KEY ("ledger_item_id") REFERENCES "public"."ledger_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_called_back_by_users_id_fk" FOREIGN KEY ("called_back_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "rating_appeals_rating_idx" ON "rating_appeals" USING btree ("rating_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rating_points_code_idx" ON "rating_points" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "rating_points_name_idx" ON "rating_points" USING btree ("unit_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "ratings_once_idx" ON "ratings" USING btree ("device_id","point_id","period_start");--> statement-breakpoint
CREATE UNIQUE INDEX "ratings_case_idx" ON "ratings" USING btree ("unit_id","case_no") WHERE "ratings"."case_no" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "ratings_lookup_idx" ON "ratings" USING btree ("lookup_code");--> statement-breakpoint
CREATE INDEX "ratings_unit_day_idx" ON "ratings" USING btree ("unit_id","rated_on");--> statement-breakpoint
CREATE INDEX "ratings_point_time_idx" ON "ratings" USING btree ("point_id","created_at");--> statement-breakpoint
CREATE INDEX "ratings_range_time_idx" ON "ratings" USING btree ("range_hash","created_at");--> statement-breakpoint
CREATE INDEX "ratings_item_idx" ON "ratings" USING btree ("ledger_item_id");