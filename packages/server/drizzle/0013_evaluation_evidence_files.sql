ALTER TABLE "evaluation_adjustments" DROP CONSTRAINT "evaluation_adjustments_evidence_file_id_files_id_fk";
--> statement-breakpoint
ALTER TABLE "evaluation_appeals" DROP CONSTRAINT "evaluation_appeals_evidence_file_id_files_id_fk";
--> statement-breakpoint
ALTER TABLE "evaluation_adjustments" DROP COLUMN "evidence_file_id";--> statement-breakpoint
ALTER TABLE "evaluation_appeals" DROP COLUMN "evidence_file_id";