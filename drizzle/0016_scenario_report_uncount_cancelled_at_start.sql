-- A before-event run whose date moved before it started (extended, stopped, charged) is cancelled at its start with
-- reason before_event_date_changed: it never ran, so the scenario report's entries (counted when the run was
-- inserted, migration 0013) no longer count it. Conversions and re-entry rules already leave such runs out.
CREATE FUNCTION "scenario_report_uncount_entry"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "scenario_report_counters" SET "entered" = "entered" - 1
  WHERE "scenario_id" = NEW."scenario_id" AND "kind" = 'scenario' AND "ref" = '' AND "variant" = ''
    AND "holdout" = NEW."holdout" AND "day" = (NEW."created_at" AT TIME ZONE 'UTC')::date AND "entered" > 0;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "scenario_report_uncount_entry" AFTER UPDATE OF "status_reason" ON "scenario_runs" FOR EACH ROW
  WHEN (NEW."status_reason" = 'before_event_date_changed'
    AND OLD."status_reason" IS DISTINCT FROM NEW."status_reason")
  EXECUTE FUNCTION "scenario_report_uncount_entry"();
