CREATE TABLE "inngest_local"."batched_events" (
	"seq" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inngest_local"."batched_events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"function_id" text NOT NULL,
	"batch_key" text NOT NULL,
	"event" jsonb NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inngest_local"."runs" ADD COLUMN "events" jsonb;--> statement-breakpoint
CREATE INDEX "batched_events_batch_idx" ON "inngest_local"."batched_events" USING btree ("function_id","batch_key","seq");