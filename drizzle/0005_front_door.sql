ALTER TYPE "public"."payment_status" ADD VALUE 'pending' BEFORE 'paid';--> statement-breakpoint
CREATE TABLE "demo_gateway_charges" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "demo_gateway_charges_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"idempotency_key" text NOT NULL,
	"reference" text NOT NULL,
	"payment_id" integer NOT NULL,
	"card_token" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"status" text NOT NULL,
	"refunded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "demo_gateway_charges_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "demo_gateway_charges_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "gateway_customers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "gateway_customers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"gateway" text NOT NULL,
	"customer_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gateway_webhook_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "gateway_webhook_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"gateway" text NOT NULL,
	"event_id" text NOT NULL,
	"type" text NOT NULL,
	"payment_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "payment_disputed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "subscription_types" ADD COLUMN "offered" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "subscription_types" ADD COLUMN "position" integer DEFAULT 100 NOT NULL;--> statement-breakpoint
ALTER TABLE "subscription_types" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "subscription_types" ADD COLUMN "highlighted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "charge_attempt" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "gateway_reference" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "pending_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "gateway_customers" ADD CONSTRAINT "gateway_customers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_webhook_events" ADD CONSTRAINT "gateway_webhook_events_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "gateway_customers_user_key" ON "gateway_customers" USING btree ("user_id","gateway");--> statement-breakpoint
CREATE UNIQUE INDEX "gateway_webhook_events_event_key" ON "gateway_webhook_events" USING btree ("gateway","event_id");--> statement-breakpoint
CREATE INDEX "subscription_types_offered_idx" ON "subscription_types" USING btree ("position") WHERE "subscription_types"."offered";--> statement-breakpoint
CREATE INDEX "payments_pending_idx" ON "payments" USING btree ("pending_since") WHERE "payments"."pending_since" is not null;