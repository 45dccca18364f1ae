-- IF NOT EXISTS: the migrator creates the schema first, to keep its history table (inngest_local.__drizzle_migrations) in it.
CREATE SCHEMA IF NOT EXISTS "inngest_local";
--> statement-breakpoint
CREATE TYPE "inngest_local"."job_kind" AS ENUM('call', 'sleep', 'wait_timeout');--> statement-breakpoint
CREATE TYPE "inngest_local"."run_status" AS ENUM('running', 'waiting', 'completed', 'failed', 'cancelled');--> statement-breakpoint
CREATE TABLE "inngest_local"."cron_ticks" (
	"function_id" text NOT NULL,
	"cron" text NOT NULL,
	"last_tick_at" timestamp with time zone NOT NULL,
	CONSTRAINT "cron_ticks_function_id_cron_pk" PRIMARY KEY("function_id","cron")
);
--> statement-breakpoint
CREATE TABLE "inngest_local"."events" (
	"seq" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inngest_local"."events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"id" text NOT NULL,
	"name" text NOT NULL,
	"event" jsonb NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "events_id_unique" UNIQUE("id")
);
--> statement-breakpoint
CREATE TABLE "inngest_local"."functions" (
	"id" text PRIMARY KEY NOT NULL,
	"app_url" text NOT NULL,
	"name" text NOT NULL,
	"config" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inngest_local"."idempotency_keys" (
	"function_id" text NOT NULL,
	"key" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "idempotency_keys_function_id_key_pk" PRIMARY KEY("function_id","key")
);
--> statement-breakpoint
CREATE TABLE "inngest_local"."jobs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inngest_local"."jobs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"run_id" uuid NOT NULL,
	"kind" "inngest_local"."job_kind" NOT NULL,
	"step_id" text,
	"due_at" timestamp with time zone NOT NULL,
	"attempt" integer DEFAULT 0 NOT NULL,
	"locked_by" text,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inngest_local"."runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"function_id" text NOT NULL,
	"event_id" text NOT NULL,
	"event" jsonb NOT NULL,
	"status" "inngest_local"."run_status" DEFAULT 'running' NOT NULL,
	"disable_immediate_execution" boolean DEFAULT false NOT NULL,
	"output" jsonb,
	"error" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "inngest_local"."steps" (
	"run_id" uuid NOT NULL,
	"step_id" text NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "inngest_local"."steps_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" text,
	"op" text NOT NULL,
	"data" jsonb,
	"error" jsonb,
	"attempts" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "steps_run_id_step_id_pk" PRIMARY KEY("run_id","step_id")
);
--> statement-breakpoint
CREATE TABLE "inngest_local"."waits" (
	"run_id" uuid NOT NULL,
	"step_id" text NOT NULL,
	"event_name" text NOT NULL,
	"expression" text,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "waits_run_id_step_id_pk" PRIMARY KEY("run_id","step_id")
);
--> statement-breakpoint
ALTER TABLE "inngest_local"."jobs" ADD CONSTRAINT "jobs_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "inngest_local"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inngest_local"."steps" ADD CONSTRAINT "steps_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "inngest_local"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inngest_local"."waits" ADD CONSTRAINT "waits_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "inngest_local"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "events_name_idx" ON "inngest_local"."events" USING btree ("name","received_at");--> statement-breakpoint
CREATE INDEX "jobs_due_idx" ON "inngest_local"."jobs" USING btree ("due_at");--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_discovery_key" ON "inngest_local"."jobs" USING btree ("run_id") WHERE "inngest_local"."jobs"."kind" = 'call' and "inngest_local"."jobs"."step_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_step_key" ON "inngest_local"."jobs" USING btree ("run_id","kind","step_id") WHERE "inngest_local"."jobs"."step_id" is not null;--> statement-breakpoint
CREATE INDEX "runs_function_idx" ON "inngest_local"."runs" USING btree ("function_id","created_at");--> statement-breakpoint
CREATE INDEX "runs_open_idx" ON "inngest_local"."runs" USING btree ("function_id") WHERE "inngest_local"."runs"."status" in ('running', 'waiting');--> statement-breakpoint
CREATE INDEX "waits_event_idx" ON "inngest_local"."waits" USING btree ("event_name");