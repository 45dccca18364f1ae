ALTER TYPE "public"."scenario_run_status" ADD VALUE 'exited';--> statement-breakpoint
ALTER TABLE "scenarios" ADD COLUMN "exit_rules" jsonb DEFAULT '[]'::jsonb NOT NULL;