-- A file's content in chunks (file_id, seq): an existing file becomes its chunk 0.
ALTER TABLE "file_blobs" DROP CONSTRAINT "file_blobs_pkey";--> statement-breakpoint
ALTER TABLE "file_blobs" ADD COLUMN "seq" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "file_blobs" ADD CONSTRAINT "file_blobs_file_id_seq_pk" PRIMARY KEY("file_id","seq");--> statement-breakpoint
CREATE INDEX "files_uploader_idx" ON "files" USING btree ("uploaded_by","created_at");
