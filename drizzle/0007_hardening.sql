-- Staff roles: every earlier admin becomes an owner (they could manage admins and tokens before). A new type rather
-- than ADD VALUE, whose new values cannot be used in the transaction that adds them.
ALTER TYPE "public"."user_role" RENAME TO "user_role_before_0007";--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('owner', 'admin', 'marketer', 'support', 'viewer', 'customer');--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "role" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "role" SET DATA TYPE "public"."user_role" USING (CASE "role"::text WHEN 'admin' THEN 'owner' ELSE "role"::text END)::"public"."user_role";--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "role" SET DEFAULT 'customer';--> statement-breakpoint
DROP TYPE "public"."user_role_before_0007";--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"request_id" uuid NOT NULL,
	"actor_user_id" integer,
	"actor_token_id" integer,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"operation" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"client_address" text
);
--> statement-breakpoint
CREATE TABLE "throttle_attempts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "throttle_attempts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"bucket" text NOT NULL,
	"key" text NOT NULL,
	"attempted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "audit_log_occurred_at_idx" ON "audit_log" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_user_id","occurred_at");--> statement-breakpoint
CREATE INDEX "throttle_attempts_lookup_idx" ON "throttle_attempts" USING btree ("bucket","key","attempted_at");--> statement-breakpoint

-- The audit trigger: when the transaction carries an audit context (set_config('subflow.audit', <json>, true) by the
-- action and route wrappers), every insert, update and delete of an audited table writes one audit_log row with the
-- changed fields only. Hashes are never copied; a changed hash is recorded as changed. Without a context (renewals,
-- sweeps, customers' own changes) it does nothing. A value longer than 2,000 characters (a scenario's graph) is kept
-- as its size only: the log says it changed without copying it on every autosave.
CREATE FUNCTION "audit_value"(value jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN length(value::text) > 2000
    THEN jsonb_build_object('omitted', format('%s characters', length(value::text)))
    ELSE value END
$$;--> statement-breakpoint
CREATE FUNCTION "audit_row_change"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  setting text := current_setting('subflow.audit', true);
  context jsonb;
  old_row jsonb;
  new_row jsonb;
  before_fields jsonb;
  after_fields jsonb;
  field text;
BEGIN
  IF setting IS NULL OR setting = '' THEN
    RETURN NULL;
  END IF;
  context := setting::jsonb;
  IF TG_OP <> 'INSERT' THEN old_row := to_jsonb(OLD); END IF;
  IF TG_OP <> 'DELETE' THEN new_row := to_jsonb(NEW); END IF;
  IF TG_OP = 'UPDATE' THEN
    before_fields := '{}'::jsonb;
    after_fields := '{}'::jsonb;
    FOR field IN SELECT jsonb_object_keys(new_row) LOOP
      CONTINUE WHEN field = 'updated_at' OR (new_row -> field) IS NOT DISTINCT FROM (old_row -> field);
      IF field LIKE '%\_hash' THEN
        before_fields := before_fields || jsonb_build_object(field, '(hidden)');
        after_fields := after_fields || jsonb_build_object(field, '(changed)');
      ELSE
        before_fields := before_fields || jsonb_build_object(field, audit_value(old_row -> field));
        after_fields := after_fields || jsonb_build_object(field, audit_value(new_row -> field));
      END IF;
    END LOOP;
    IF after_fields = '{}'::jsonb THEN
      RETURN NULL;
    END IF;
  ELSIF TG_OP = 'INSERT' THEN
    SELECT jsonb_object_agg(key, audit_value(value)) INTO after_fields
      FROM jsonb_each(jsonb_strip_nulls(new_row) - 'password_hash' - 'token_hash');
  ELSE
    SELECT jsonb_object_agg(key, audit_value(value)) INTO before_fields
      FROM jsonb_each(jsonb_strip_nulls(old_row) - 'password_hash' - 'token_hash');
  END IF;
  INSERT INTO "audit_log" ("request_id", "actor_user_id", "actor_token_id", "actor_label", "action", "entity_type",
    "entity_id", "operation", "before", "after", "client_address")
  VALUES ((context ->> 'requestId')::uuid, (context ->> 'actorUserId')::integer, (context ->> 'actorTokenId')::integer,
    coalesce(context ->> 'actorLabel', 'unknown'), coalesce(context ->> 'action', 'unknown'), TG_TABLE_NAME,
    coalesce(new_row ->> 'id', old_row ->> 'id', new_row ->> 'key', old_row ->> 'key',
      new_row ->> 'subscription_type_id', old_row ->> 'subscription_type_id'),
    lower(TG_OP), before_fields, after_fields, context ->> 'clientAddress');
  RETURN NULL;
END
$$;--> statement-breakpoint
DO $$
DECLARE
  audited text;
BEGIN
  FOREACH audited IN ARRAY ARRAY['users', 'api_tokens', 'app_settings', 'subscription_types',
    'subscription_type_content_access', 'content_access', 'subscriptions', 'payments', 'payment_items',
    'recurrent_payments', 'upgrade_schemas', 'upgrade_options', 'subscription_type_upgrade_schemas',
    'family_subscription_types', 'family_requests', 'referral_programs', 'referrals', 'referral_rewards',
    'discount_codes', 'scenarios', 'scenario_versions', 'segments', 'email_templates', 'banners', 'user_banners',
    'goals', 'goal_completions']
  LOOP
    EXECUTE format('CREATE TRIGGER "audit_row_change" AFTER INSERT OR UPDATE OR DELETE ON %I '
      'FOR EACH ROW EXECUTE FUNCTION "audit_row_change"()', audited);
  END LOOP;
END
$$;
