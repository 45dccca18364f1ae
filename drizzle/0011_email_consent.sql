CREATE TYPE "public"."email_event_type" AS ENUM('delivered', 'deferred', 'bounced', 'complained', 'opened', 'clicked', 'unsubscribed');--> statement-breakpoint
ALTER TYPE "public"."email_status" ADD VALUE 'skipped';--> statement-breakpoint
CREATE TABLE "email_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "email_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"email_log_id" integer NOT NULL,
	"type" "email_event_type" NOT NULL,
	"bounce_type" text,
	"detail" text,
	"external_id" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_events_external_id_unique" UNIQUE("external_id"),
	CONSTRAINT "email_events_bounce_type_check" CHECK ("email_events"."bounce_type" in ('hard', 'soft'))
);
--> statement-breakpoint
CREATE TABLE "email_suppressions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "email_suppressions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"address" text NOT NULL,
	"reason" text NOT NULL,
	"detail" text,
	"email_log_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lifted_at" timestamp with time zone,
	"lifted_by" integer,
	CONSTRAINT "email_suppressions_address_lower" CHECK ("email_suppressions"."address" = lower("email_suppressions"."address"))
);
--> statement-breakpoint
CREATE TABLE "email_topics" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "email_topics_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"transactional" boolean DEFAULT false NOT NULL,
	"subscribed_by_default" boolean DEFAULT true NOT NULL,
	"sorting" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_topics_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "user_email_preferences" (
	"user_id" integer NOT NULL,
	"topic_id" integer NOT NULL,
	"subscribed" boolean NOT NULL,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_email_preferences_user_id_topic_id_pk" PRIMARY KEY("user_id","topic_id")
);
--> statement-breakpoint
ALTER TABLE "email_log" ADD COLUMN "topic_id" integer;--> statement-breakpoint
ALTER TABLE "email_log" ADD COLUMN "marketing" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "email_log" ADD COLUMN "skip_reason" text;--> statement-breakpoint
ALTER TABLE "email_log" ADD COLUMN "message_id" text;--> statement-breakpoint
ALTER TABLE "email_log" ADD COLUMN "links" text[];--> statement-breakpoint
ALTER TABLE "email_log" ADD COLUMN "scenario_id" integer;--> statement-breakpoint
ALTER TABLE "email_log" ADD COLUMN "scenario_node_id" text;--> statement-breakpoint
ALTER TABLE "email_log" ADD COLUMN "delivered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "email_log" ADD COLUMN "opened_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "email_log" ADD COLUMN "clicked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "email_log" ADD COLUMN "bounced_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "email_log" ADD COLUMN "complained_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "email_log" ADD COLUMN "unsubscribed_at" timestamp with time zone;--> statement-breakpoint
INSERT INTO "email_topics" ("code", "name", "description", "transactional", "subscribed_by_default", "sorting") VALUES
	('account', 'Account', 'Receipts, password resets, invitations and other mail about your account. It cannot be unsubscribed.', true, true, 0),
	('news', 'News and offers', 'Newsletters, offers and reminders.', false, true, 10);--> statement-breakpoint
ALTER TABLE "email_templates" ADD COLUMN "topic_id" integer;--> statement-breakpoint
-- The built-in emails (and their Slovak twins) are transactional; every other stored template was written for
-- scenarios and test sends: marketing until an admin says otherwise.
UPDATE "email_templates" SET "topic_id" = (SELECT "id" FROM "email_topics" WHERE "code" = CASE
	WHEN regexp_replace("code", '_sk$', '') IN ('password_reset', 'email_changed_notice', 'email_change_confirm',
		'payment_confirmation', 'family_invitation', 'referral_invitation') THEN 'account' ELSE 'news' END);--> statement-breakpoint
ALTER TABLE "email_templates" ALTER COLUMN "topic_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "email_templates" ADD COLUMN "track_engagement" boolean;--> statement-breakpoint
ALTER TABLE "email_events" ADD CONSTRAINT "email_events_email_log_id_email_log_id_fk" FOREIGN KEY ("email_log_id") REFERENCES "public"."email_log"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_suppressions" ADD CONSTRAINT "email_suppressions_email_log_id_email_log_id_fk" FOREIGN KEY ("email_log_id") REFERENCES "public"."email_log"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_suppressions" ADD CONSTRAINT "email_suppressions_lifted_by_users_id_fk" FOREIGN KEY ("lifted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_email_preferences" ADD CONSTRAINT "user_email_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_email_preferences" ADD CONSTRAINT "user_email_preferences_topic_id_email_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."email_topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "email_events_log_idx" ON "email_events" USING btree ("email_log_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "email_suppressions_active_key" ON "email_suppressions" USING btree ("address") WHERE "email_suppressions"."lifted_at" is null;--> statement-breakpoint
ALTER TABLE "email_log" ADD CONSTRAINT "email_log_topic_id_email_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."email_topics"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_templates" ADD CONSTRAINT "email_templates_topic_id_email_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."email_topics"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "email_log_message_id_key" ON "email_log" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "email_log_user_marketing_idx" ON "email_log" USING btree ("user_id","sent_at") WHERE "email_log"."status" = 'sent' and "email_log"."marketing";--> statement-breakpoint
CREATE INDEX "email_log_scenario_node_idx" ON "email_log" USING btree ("scenario_id","scenario_node_id");--> statement-breakpoint
CREATE INDEX "email_log_template_idx" ON "email_log" USING btree ("template_code","created_at");