CREATE TYPE "public"."user_action_token_kind" AS ENUM('password_reset', 'email_change');--> statement-breakpoint
CREATE TABLE "user_action_tokens" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "user_action_tokens_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"kind" "user_action_token_kind" NOT NULL,
	"token_hash" text NOT NULL,
	"new_email" text,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_action_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "document_counters" (
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "document_counters_kind_year_pk" PRIMARY KEY("kind","year")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "address_line1" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "address_line2" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "postal_code" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "city" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "country" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "session_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "receipt_number" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "credit_note_number" text;--> statement-breakpoint
ALTER TABLE "recurrent_payments" ADD COLUMN "card_brand" text;--> statement-breakpoint
ALTER TABLE "recurrent_payments" ADD COLUMN "card_last4" text;--> statement-breakpoint
ALTER TABLE "recurrent_payments" ADD COLUMN "card_exp_month" integer;--> statement-breakpoint
ALTER TABLE "recurrent_payments" ADD COLUMN "card_exp_year" integer;--> statement-breakpoint
ALTER TABLE "recurrent_payments" ADD COLUMN "plan_changed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "family_requests" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "referral_programs" ADD COLUMN "reward_hold_days" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "referral_rewards" ADD COLUMN "status" text DEFAULT 'granted' NOT NULL;--> statement-breakpoint
ALTER TABLE "referral_rewards" ADD COLUMN "grant_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "referral_rewards" ADD COLUMN "clawed_back_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "referral_rewards" ADD COLUMN "clawback_reason" text;--> statement-breakpoint
ALTER TABLE "user_action_tokens" ADD CONSTRAINT "user_action_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "user_action_tokens_user_idx" ON "user_action_tokens" USING btree ("user_id","kind","created_at");--> statement-breakpoint
CREATE INDEX "referral_rewards_held_idx" ON "referral_rewards" USING btree ("grant_at") WHERE "referral_rewards"."status" = 'held';--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_receipt_number_unique" UNIQUE("receipt_number");--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_credit_note_number_unique" UNIQUE("credit_note_number");--> statement-breakpoint
ALTER TABLE "referral_programs" ADD CONSTRAINT "referral_programs_hold_nonnegative" CHECK ("referral_programs"."reward_hold_days" >= 0);