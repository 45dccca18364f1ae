CREATE TYPE "public"."family_donation_method" AS ENUM('copy', 'days', 'fixed');--> statement-breakpoint
CREATE TYPE "public"."family_request_status" AS ENUM('created', 'accepted', 'canceled');--> statement-breakpoint
CREATE TABLE "family_requests" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "family_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"master_user_id" integer NOT NULL,
	"slave_user_id" integer,
	"master_subscription_id" integer NOT NULL,
	"slave_subscription_id" integer,
	"subscription_type_id" integer NOT NULL,
	"status" "family_request_status" DEFAULT 'created' NOT NULL,
	"code" text NOT NULL,
	"note" text,
	"replaces_request_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"opened_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"canceled_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	CONSTRAINT "family_requests_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "family_subscription_types" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "family_subscription_types_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"master_subscription_type_id" integer NOT NULL,
	"slave_subscription_type_id" integer,
	"donation_method" "family_donation_method" DEFAULT 'copy' NOT NULL,
	"donation_days" integer,
	"donation_fixed_end" timestamp with time zone,
	"count" integer DEFAULT 0 NOT NULL,
	"is_paid" boolean DEFAULT false NOT NULL,
	"allow_self_use" boolean DEFAULT false NOT NULL,
	"renewal_gap_days" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "family_subscription_types_master_subscription_type_id_unique" UNIQUE("master_subscription_type_id"),
	CONSTRAINT "family_types_count_nonnegative" CHECK ("family_subscription_types"."count" >= 0 and "family_subscription_types"."count" <= 1000),
	CONSTRAINT "family_types_gap_nonnegative" CHECK ("family_subscription_types"."renewal_gap_days" >= 0),
	CONSTRAINT "family_types_days_required" CHECK ("family_subscription_types"."donation_method" <> 'days' or "family_subscription_types"."donation_days" > 0),
	CONSTRAINT "family_types_fixed_end_required" CHECK ("family_subscription_types"."donation_method" <> 'fixed' or "family_subscription_types"."donation_fixed_end" is not null)
);
--> statement-breakpoint
ALTER TABLE "family_requests" ADD CONSTRAINT "family_requests_master_user_id_users_id_fk" FOREIGN KEY ("master_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_requests" ADD CONSTRAINT "family_requests_slave_user_id_users_id_fk" FOREIGN KEY ("slave_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_requests" ADD CONSTRAINT "family_requests_master_subscription_id_subscriptions_id_fk" FOREIGN KEY ("master_subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_requests" ADD CONSTRAINT "family_requests_slave_subscription_id_subscriptions_id_fk" FOREIGN KEY ("slave_subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_requests" ADD CONSTRAINT "family_requests_subscription_type_id_subscription_types_id_fk" FOREIGN KEY ("subscription_type_id") REFERENCES "public"."subscription_types"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_subscription_types" ADD CONSTRAINT "family_subscription_types_master_subscription_type_id_subscription_types_id_fk" FOREIGN KEY ("master_subscription_type_id") REFERENCES "public"."subscription_types"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_subscription_types" ADD CONSTRAINT "family_subscription_types_slave_subscription_type_id_subscription_types_id_fk" FOREIGN KEY ("slave_subscription_type_id") REFERENCES "public"."subscription_types"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "family_requests_master_subscription_idx" ON "family_requests" USING btree ("master_subscription_id","status");--> statement-breakpoint
CREATE INDEX "family_requests_master_user_idx" ON "family_requests" USING btree ("master_user_id","created_at");--> statement-breakpoint
CREATE INDEX "family_requests_slave_subscription_idx" ON "family_requests" USING btree ("slave_subscription_id");--> statement-breakpoint
CREATE INDEX "family_requests_master_slave_idx" ON "family_requests" USING btree ("master_subscription_id","slave_user_id");