CREATE TYPE "public"."upgrade_status" AS ENUM('pending', 'completed');--> statement-breakpoint
CREATE TYPE "public"."upgrade_type" AS ENUM('paid_recurrent', 'free_recurrent', 'paid_extend', 'short');--> statement-breakpoint
CREATE TABLE "subscription_type_upgrade_schemas" (
	"subscription_type_id" integer NOT NULL,
	"upgrade_schema_id" integer NOT NULL,
	CONSTRAINT "subscription_type_upgrade_schemas_subscription_type_id_upgrade_schema_id_pk" PRIMARY KEY("subscription_type_id","upgrade_schema_id")
);
--> statement-breakpoint
CREATE TABLE "subscription_upgrades" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "subscription_upgrades_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"base_subscription_id" integer NOT NULL,
	"upgraded_subscription_id" integer,
	"type" "upgrade_type" NOT NULL,
	"status" "upgrade_status" DEFAULT 'completed' NOT NULL,
	"target_subscription_type_id" integer NOT NULL,
	"upgrade_option_id" integer,
	"payment_id" integer,
	"charge_cents" integer DEFAULT 0 NOT NULL,
	"credit_cents" integer DEFAULT 0 NOT NULL,
	"idempotency_key" text,
	"parent_upgrade_id" integer,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subscription_upgrades_amounts_nonnegative" CHECK ("subscription_upgrades"."charge_cents" >= 0 and "subscription_upgrades"."credit_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "upgrade_options" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "upgrade_options_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"upgrade_schema_id" integer NOT NULL,
	"type" "upgrade_type" NOT NULL,
	"config" jsonb NOT NULL,
	"subscription_type_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "upgrade_schemas" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "upgrade_schemas_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "upgrade_schemas_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "app_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "subscription_type_upgrade_schemas" ADD CONSTRAINT "subscription_type_upgrade_schemas_subscription_type_id_subscription_types_id_fk" FOREIGN KEY ("subscription_type_id") REFERENCES "public"."subscription_types"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_type_upgrade_schemas" ADD CONSTRAINT "subscription_type_upgrade_schemas_upgrade_schema_id_upgrade_schemas_id_fk" FOREIGN KEY ("upgrade_schema_id") REFERENCES "public"."upgrade_schemas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_upgrades" ADD CONSTRAINT "subscription_upgrades_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_upgrades" ADD CONSTRAINT "subscription_upgrades_base_subscription_id_subscriptions_id_fk" FOREIGN KEY ("base_subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_upgrades" ADD CONSTRAINT "subscription_upgrades_upgraded_subscription_id_subscriptions_id_fk" FOREIGN KEY ("upgraded_subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_upgrades" ADD CONSTRAINT "subscription_upgrades_target_subscription_type_id_subscription_types_id_fk" FOREIGN KEY ("target_subscription_type_id") REFERENCES "public"."subscription_types"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_upgrades" ADD CONSTRAINT "subscription_upgrades_upgrade_option_id_upgrade_options_id_fk" FOREIGN KEY ("upgrade_option_id") REFERENCES "public"."upgrade_options"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_upgrades" ADD CONSTRAINT "subscription_upgrades_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "upgrade_options" ADD CONSTRAINT "upgrade_options_upgrade_schema_id_upgrade_schemas_id_fk" FOREIGN KEY ("upgrade_schema_id") REFERENCES "public"."upgrade_schemas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "upgrade_options" ADD CONSTRAINT "upgrade_options_subscription_type_id_subscription_types_id_fk" FOREIGN KEY ("subscription_type_id") REFERENCES "public"."subscription_types"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "subscription_type_upgrade_schemas_schema_idx" ON "subscription_type_upgrade_schemas" USING btree ("upgrade_schema_id");--> statement-breakpoint
CREATE UNIQUE INDEX "subscription_upgrades_idempotency" ON "subscription_upgrades" USING btree ("user_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "subscription_upgrades_user_idx" ON "subscription_upgrades" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "subscription_upgrades_payment" ON "subscription_upgrades" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "upgrade_options_schema_idx" ON "upgrade_options" USING btree ("upgrade_schema_id");