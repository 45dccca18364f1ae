CREATE TYPE "public"."banner_style" AS ENUM('info', 'success', 'warning', 'promo');--> statement-breakpoint
CREATE TYPE "public"."scenario_reentry" AS ENUM('always', 'once', 'once_per_days');--> statement-breakpoint
CREATE TYPE "public"."scenario_run_status" AS ENUM('running', 'waiting', 'completed', 'failed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."scenario_status" AS ENUM('draft', 'enabled', 'disabled', 'deleted');--> statement-breakpoint
CREATE TABLE "banners" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "banners_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"title" text NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"link_url" text,
	"link_text" text,
	"style" "banner_style" DEFAULT 'info' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goal_completions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "goal_completions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"goal_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"completed_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "goals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goals_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "segments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "segments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"rules" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "segments_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "user_banners" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "user_banners_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"banner_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"source_key" text NOT NULL,
	"shown_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone,
	"dismissed_at" timestamp with time zone,
	CONSTRAINT "user_banners_source_key_unique" UNIQUE("source_key")
);
--> statement-breakpoint
CREATE TABLE "scenario_ab_assignments" (
	"scenario_id" integer NOT NULL,
	"node_id" text NOT NULL,
	"user_id" integer NOT NULL,
	"variant" text NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	CONSTRAINT "scenario_ab_assignments_scenario_id_node_id_user_id_pk" PRIMARY KEY("scenario_id","node_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "scenario_action_effects" (
	"idempotency_key" text PRIMARY KEY NOT NULL,
	"facts" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scenario_before_event_fires" (
	"scenario_id" integer NOT NULL,
	"node_id" text NOT NULL,
	"trigger" text NOT NULL,
	"entity_id" integer NOT NULL,
	"entity_date" timestamp with time zone NOT NULL,
	"user_id" integer NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"payload" jsonb NOT NULL,
	"run_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scenario_before_event_fires_scenario_id_node_id_trigger_entity_id_entity_date_pk" PRIMARY KEY("scenario_id","node_id","trigger","entity_id","entity_date")
);
--> statement-breakpoint
CREATE TABLE "scenario_cron_cursors" (
	"name" text PRIMARY KEY NOT NULL,
	"until" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scenario_run_steps" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "scenario_run_steps_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"run_id" bigint NOT NULL,
	"scenario_id" integer NOT NULL,
	"version_id" integer NOT NULL,
	"node_id" text NOT NULL,
	"node_type" text NOT NULL,
	"step_key" text NOT NULL,
	"visit" integer NOT NULL,
	"via_edge_id" text,
	"entered_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"outcome" text,
	"facts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"aggregated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "scenario_runs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "scenario_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"scenario_id" integer NOT NULL,
	"version_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"trigger_key" text NOT NULL,
	"trigger_event" text NOT NULL,
	"trigger_payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"entry_node_ids" jsonb NOT NULL,
	"status" "scenario_run_status" DEFAULT 'running' NOT NULL,
	"status_reason" text,
	"executor_run_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scenario_stat_buckets" (
	"scenario_id" integer NOT NULL,
	"version_id" integer NOT NULL,
	"node_id" text NOT NULL,
	"outcome" text NOT NULL,
	"via_edge_id" text NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "scenario_stat_buckets_version_id_node_id_outcome_via_edge_id_hour_pk" PRIMARY KEY("version_id","node_id","outcome","via_edge_id","hour")
);
--> statement-breakpoint
CREATE TABLE "scenario_versions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "scenario_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"scenario_id" integer NOT NULL,
	"number" integer NOT NULL,
	"graph" jsonb NOT NULL,
	"note" text,
	"published_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scenarios" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "scenarios_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"status" "scenario_status" DEFAULT 'draft' NOT NULL,
	"draft_graph" jsonb NOT NULL,
	"draft_updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reentry" "scenario_reentry" DEFAULT 'once' NOT NULL,
	"reentry_days" integer,
	"current_version_id" integer,
	"copied_from_id" integer,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "goal_completions" ADD CONSTRAINT "goal_completions_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_completions" ADD CONSTRAINT "goal_completions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_banners" ADD CONSTRAINT "user_banners_banner_id_banners_id_fk" FOREIGN KEY ("banner_id") REFERENCES "public"."banners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_banners" ADD CONSTRAINT "user_banners_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_ab_assignments" ADD CONSTRAINT "scenario_ab_assignments_scenario_id_scenarios_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."scenarios"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_ab_assignments" ADD CONSTRAINT "scenario_ab_assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_before_event_fires" ADD CONSTRAINT "scenario_before_event_fires_scenario_id_scenarios_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."scenarios"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_before_event_fires" ADD CONSTRAINT "scenario_before_event_fires_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_before_event_fires" ADD CONSTRAINT "scenario_before_event_fires_run_id_scenario_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."scenario_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_run_steps" ADD CONSTRAINT "scenario_run_steps_run_id_scenario_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."scenario_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_runs" ADD CONSTRAINT "scenario_runs_scenario_id_scenarios_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."scenarios"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_runs" ADD CONSTRAINT "scenario_runs_version_id_scenario_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."scenario_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_runs" ADD CONSTRAINT "scenario_runs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_stat_buckets" ADD CONSTRAINT "scenario_stat_buckets_scenario_id_scenarios_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."scenarios"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_versions" ADD CONSTRAINT "scenario_versions_scenario_id_scenarios_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."scenarios"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_versions" ADD CONSTRAINT "scenario_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenarios" ADD CONSTRAINT "scenarios_current_version_id_scenario_versions_id_fk" FOREIGN KEY ("current_version_id") REFERENCES "public"."scenario_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenarios" ADD CONSTRAINT "scenarios_copied_from_id_scenarios_id_fk" FOREIGN KEY ("copied_from_id") REFERENCES "public"."scenarios"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "goal_completions_goal_user_key" ON "goal_completions" USING btree ("goal_id","user_id");--> statement-breakpoint
CREATE INDEX "goal_completions_user_idx" ON "goal_completions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "user_banners_user_idx" ON "user_banners" USING btree ("user_id","shown_at") WHERE "user_banners"."dismissed_at" is null;--> statement-breakpoint
CREATE INDEX "scenario_before_event_fires_due_idx" ON "scenario_before_event_fires" USING btree ("due_at");--> statement-breakpoint
CREATE UNIQUE INDEX "scenario_run_steps_step_key" ON "scenario_run_steps" USING btree ("run_id","step_key");--> statement-breakpoint
CREATE INDEX "scenario_run_steps_scenario_idx" ON "scenario_run_steps" USING btree ("scenario_id","entered_at");--> statement-breakpoint
CREATE INDEX "scenario_run_steps_unaggregated_idx" ON "scenario_run_steps" USING btree ("finished_at") WHERE "scenario_run_steps"."aggregated_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "scenario_runs_trigger_key" ON "scenario_runs" USING btree ("scenario_id","user_id","trigger_key");--> statement-breakpoint
CREATE INDEX "scenario_runs_user_idx" ON "scenario_runs" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "scenario_runs_scenario_idx" ON "scenario_runs" USING btree ("scenario_id","created_at");--> statement-breakpoint
CREATE INDEX "scenario_runs_unclaimed_idx" ON "scenario_runs" USING btree ("created_at") WHERE "scenario_runs"."executor_run_id" is null;--> statement-breakpoint
CREATE INDEX "scenario_stat_buckets_scenario_idx" ON "scenario_stat_buckets" USING btree ("scenario_id","hour");--> statement-breakpoint
CREATE UNIQUE INDEX "scenario_versions_number_key" ON "scenario_versions" USING btree ("scenario_id","number");--> statement-breakpoint
CREATE INDEX "scenarios_status_idx" ON "scenarios" USING btree ("status");--> statement-breakpoint
CREATE INDEX "subscriptions_end_idx" ON "subscriptions" USING btree ("end_at");--> statement-breakpoint
CREATE INDEX "recurrent_payments_expires_idx" ON "recurrent_payments" USING btree ("expires_at") WHERE "recurrent_payments"."state" = 'active';--> statement-breakpoint
CREATE INDEX "recurrent_payments_charge_date_idx" ON "recurrent_payments" USING btree (coalesce("next_attempt_at", "charge_at")) WHERE "recurrent_payments"."state" in ('active', 'charged', 'charge_failed');