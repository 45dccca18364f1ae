CREATE TABLE "scenario_conversions" (
	"run_id" bigint PRIMARY KEY NOT NULL,
	"scenario_id" integer NOT NULL,
	"version_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"event_id" text NOT NULL,
	"event_name" text NOT NULL,
	"converted_at" timestamp with time zone NOT NULL,
	"revenue_cents" bigint DEFAULT 0 NOT NULL,
	"holdout" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scenario_report_counters" (
	"scenario_id" integer NOT NULL,
	"kind" text NOT NULL,
	"ref" text NOT NULL,
	"variant" text NOT NULL,
	"holdout" boolean NOT NULL,
	"day" date NOT NULL,
	"entered" integer DEFAULT 0 NOT NULL,
	"converted" integer DEFAULT 0 NOT NULL,
	"revenue_cents" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "scenario_report_counters_scenario_id_kind_ref_variant_holdout_day_pk" PRIMARY KEY("scenario_id","kind","ref","variant","holdout","day")
);
--> statement-breakpoint
ALTER TABLE "scenario_runs" ADD COLUMN "holdout" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "scenarios" ADD COLUMN "conversion_event" text;--> statement-breakpoint
ALTER TABLE "scenarios" ADD COLUMN "conversion_window_days" integer;--> statement-breakpoint
ALTER TABLE "scenarios" ADD COLUMN "holdout_percent" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "scenario_conversions" ADD CONSTRAINT "scenario_conversions_run_id_scenario_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."scenario_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_conversions" ADD CONSTRAINT "scenario_conversions_scenario_id_scenarios_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."scenarios"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_report_counters" ADD CONSTRAINT "scenario_report_counters_scenario_id_scenarios_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."scenarios"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "scenario_conversions_scenario_idx" ON "scenario_conversions" USING btree ("scenario_id","converted_at");--> statement-breakpoint
CREATE INDEX "scenarios_conversion_event_idx" ON "scenarios" USING btree ("conversion_event") WHERE "scenarios"."conversion_event" is not null;--> statement-breakpoint
-- The scenario report's entries (scenario_report_counters, kind 'scenario'), counted where runs are inserted: once per
-- statement, so the set-based run creation stays one statement from the application, whatever it inserts.
CREATE FUNCTION "scenario_report_count_entries"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "scenario_report_counters" ("scenario_id", "kind", "ref", "variant", "holdout", "day", "entered")
  SELECT "scenario_id", 'scenario', '', '', "holdout", ("created_at" AT TIME ZONE 'UTC')::date, count(*)::int
  FROM "new_runs"
  GROUP BY "scenario_id", "holdout", ("created_at" AT TIME ZONE 'UTC')::date
  ORDER BY 1, 5, 6
  ON CONFLICT ("scenario_id", "kind", "ref", "variant", "holdout", "day")
    DO UPDATE SET "entered" = "scenario_report_counters"."entered" + excluded."entered";
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "scenario_report_count_entries" AFTER INSERT ON "scenario_runs"
  REFERENCING NEW TABLE AS "new_runs" FOR EACH STATEMENT EXECUTE FUNCTION "scenario_report_count_entries"();--> statement-breakpoint
-- Entries of an A/B variant: a run's first visit of an A/B node that took a variant port (recorded whole on insert, or
-- finished by a retried step's update).
CREATE FUNCTION "scenario_report_count_variant"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "scenario_report_counters" ("scenario_id", "kind", "ref", "variant", "holdout", "day", "entered")
  VALUES (NEW."scenario_id", 'variant', NEW."node_id", substr(NEW."outcome", length('variant:') + 1), false,
    (NEW."entered_at" AT TIME ZONE 'UTC')::date, 1)
  ON CONFLICT ("scenario_id", "kind", "ref", "variant", "holdout", "day")
    DO UPDATE SET "entered" = "scenario_report_counters"."entered" + 1;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "scenario_report_count_variant_insert" AFTER INSERT ON "scenario_run_steps" FOR EACH ROW
  WHEN (NEW."outcome" LIKE 'variant:%' AND NEW."visit" = 1) EXECUTE FUNCTION "scenario_report_count_variant"();--> statement-breakpoint
CREATE TRIGGER "scenario_report_count_variant_update" AFTER UPDATE OF "outcome" ON "scenario_run_steps" FOR EACH ROW
  WHEN (OLD."outcome" IS NULL AND NEW."outcome" LIKE 'variant:%' AND NEW."visit" = 1)
  EXECUTE FUNCTION "scenario_report_count_variant"();
