-- Staff edit email topics (admin pages, the v1 API) and may change a customer's email preferences: the audit log
-- records those changes like every other staff-edited table (the trigger of migration 0007, which logs only inside a
-- staff action's or API token's audit context; lib/audit/audited-tables.ts lists both tables).
CREATE TRIGGER "audit_row_change" AFTER INSERT OR UPDATE OR DELETE ON "email_topics"
  FOR EACH ROW EXECUTE FUNCTION "audit_row_change"();--> statement-breakpoint
CREATE TRIGGER "audit_row_change" AFTER INSERT OR UPDATE OR DELETE ON "user_email_preferences"
  FOR EACH ROW EXECUTE FUNCTION "audit_row_change"();
