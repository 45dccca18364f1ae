-- The local executor's state moved to its own schema (inngest_local, migrated by the executor: inngest/local/drizzle/).
-- Every installation has these empty tables from 0000; a database the executor ran on holds development runs only.
-- IF EXISTS and qualified by hand: drizzle-kit generates neither, and a database tidied by hand may lack some.
DROP TABLE IF EXISTS "public"."inngest_local_cron_ticks" CASCADE;--> statement-breakpoint
DROP TABLE IF EXISTS "public"."inngest_local_events" CASCADE;--> statement-breakpoint
DROP TABLE IF EXISTS "public"."inngest_local_functions" CASCADE;--> statement-breakpoint
DROP TABLE IF EXISTS "public"."inngest_local_idempotency_keys" CASCADE;--> statement-breakpoint
DROP TABLE IF EXISTS "public"."inngest_local_jobs" CASCADE;--> statement-breakpoint
DROP TABLE IF EXISTS "public"."inngest_local_runs" CASCADE;--> statement-breakpoint
DROP TABLE IF EXISTS "public"."inngest_local_steps" CASCADE;--> statement-breakpoint
DROP TABLE IF EXISTS "public"."inngest_local_waits" CASCADE;--> statement-breakpoint
DROP TYPE IF EXISTS "public"."inngest_local_job_kind";--> statement-breakpoint
DROP TYPE IF EXISTS "public"."inngest_local_run_status";
