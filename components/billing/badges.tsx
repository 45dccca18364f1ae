import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { PaymentStatus, RecurrentState, SubscriptionKind } from "@/lib/db/schema";
import type { SubscriptionState } from "@/lib/subscriptions/subscription-state";

const subscriptionTones: Record<SubscriptionState, BadgeTone> = {
  actual: "green",
  upcoming: "blue",
  ended: "gray",
};

/** `label`: the customer zone's translated word; the admin's badges stay English. */
export function SubscriptionStateBadge({
  state,
  label,
}: {
  state: SubscriptionState;
  label?: string;
}) {
  return (
    <Badge tone={subscriptionTones[state]} data-testid="subscription-state">
      {label ?? (state === "actual" ? "Actual" : state === "upcoming" ? "Upcoming" : "Ended")}
    </Badge>
  );
}

const paymentTones: Record<PaymentStatus, BadgeTone> = {
  form: "amber",
  pending: "blue",
  paid: "green",
  fail: "red",
  refund: "gray",
};
export const PAYMENT_STATUS_LABELS: Record<PaymentStatus, string> = {
  form: "Unpaid",
  pending: "Processing",
  paid: "Paid",
  fail: "Failed",
  refund: "Refunded",
};

export function PaymentStatusBadge({ status, label }: { status: PaymentStatus; label?: string }) {
  return (
    <Badge tone={paymentTones[status]} data-testid="payment-status">
      {label ?? PAYMENT_STATUS_LABELS[status]}
    </Badge>
  );
}

const recurrentTones: Record<RecurrentState, BadgeTone> = {
  active: "green",
  user_stop: "gray",
  admin_stop: "gray",
  system_stop: "gray",
  charged: "blue",
  charge_failed: "red",
};
export const RECURRENT_STATE_LABELS: Record<RecurrentState, string> = {
  active: "Active",
  user_stop: "Stopped by customer",
  admin_stop: "Stopped by admin",
  system_stop: "Stopped by system",
  charged: "Charged",
  charge_failed: "Charge failed",
};

export function RecurrentStateBadge({ state, label }: { state: RecurrentState; label?: string }) {
  return (
    <Badge tone={recurrentTones[state]} data-testid="recurrent-state">
      {label ?? RECURRENT_STATE_LABELS[state]}
    </Badge>
  );
}

export function ContentAccessBadges({ codes }: { codes: readonly string[] }) {
  if (codes.length === 0) return <span className="text-zinc-400">—</span>;
  return (
    <span className="inline-flex flex-wrap gap-1" data-testid="content-access">
      {codes.map((code) => (
        <Badge key={code} tone="violet">
          {code}
        </Badge>
      ))}
    </span>
  );
}

const kindLabels: Record<SubscriptionKind, string> = {
  regular: "Regular",
  upgrade: "Upgrade",
  family: "Family",
  gift: "Gift",
  referral_reward: "Referral reward",
};

export function subscriptionKindLabel(kind: SubscriptionKind): string {
  return kindLabels[kind];
}
