import { ActionButton } from "@/components/ui/action-button";
import { startViewAsAction } from "@/lib/actions/view-as/start-view-as";

/** "View as customer" on a customer's admin page: opens their account read-only (the action checks who asks). */
export function ViewAsCustomerButton({ userId }: { userId: number }) {
  return (
    <ActionButton
      action={startViewAsAction}
      fields={{ userId }}
      label="View as customer"
      pendingLabel="Opening…"
      variant="secondary"
      testId="view-as-customer"
    />
  );
}
