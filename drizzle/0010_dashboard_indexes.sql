-- The dashboard's aggregates at a million payments (bench:dashboard): covering indexes, so each series reads an index.
CREATE INDEX "subscriptions_start_idx" ON "subscriptions" USING btree ("start_at") INCLUDE ("end_at", "user_id");--> statement-breakpoint
CREATE INDEX "payments_renewal_created_idx" ON "payments" USING btree ("created_at") INCLUDE ("status") WHERE "payments"."recurrent_payment_id" is not null;--> statement-breakpoint
CREATE INDEX "recurrent_payments_charge_at_idx" ON "recurrent_payments" USING btree ("charge_at") INCLUDE ("created_at", "subscription_type_id", "state", "stopped_at");--> statement-breakpoint
DROP INDEX "payments_status_idx";--> statement-breakpoint
CREATE INDEX "payments_status_idx" ON "payments" USING btree ("status", "paid_at") INCLUDE ("amount_cents");
