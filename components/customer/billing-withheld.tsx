import { Notice } from "@/components/ui/notice";

/**
 * In place of a customer's payments, card and receipts, for a staff member viewing the account whose role does not
 * see billing (lib/auth/permissions.ts `billing.read`). Staff-facing, so in English.
 */
export function BillingWithheld() {
  return (
    <Notice tone="info" title="Billing is hidden" data-testid="billing-withheld">
      Your role does not see payments, cards or receipts, so this view of the account leaves them
      out.
    </Notice>
  );
}
