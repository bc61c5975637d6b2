CREATE TABLE "password_history" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "password_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"password_hash" text NOT NULL,
	"replaced_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "password_history" ADD CONSTRAINT "password_history_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "password_history_user_idx" ON "password_history" USING btree ("user_id","id");--> statement-breakpoint
-- Every path that replaces a password (the user's change, a reset, an approved request) goes through an
-- UPDATE of users.password_hash: remembering it here cannot be forgotten by a new path.
CREATE OR REPLACE FUNCTION leitai_remember_password() RETURNS trigger AS $$
BEGIN
  IF NEW.password_hash IS DISTINCT FROM OLD.password_hash THEN
    INSERT INTO password_history (user_id, password_hash) VALUES (OLD.id, OLD.password_hash);
    DELETE FROM password_history
      WHERE user_id = OLD.id
        AND id NOT IN (SELECT id FROM password_history WHERE user_id = OLD.id ORDER BY id DESC LIMIT 24);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER users_password_history AFTER UPDATE OF password_hash ON users FOR EACH ROW EXECUTE FUNCTION leitai_remember_password();
