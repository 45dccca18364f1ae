import { LinkButton } from "@/components/ui/button";
import { formatDate } from "@/components/ui/format";
import { Notice } from "@/components/ui/notice";

interface Purchase {
  subscription: { startAt: Date; endAt: Date };
  typeName: string;
  renewal: { chargeAt: Date } | null;
}

/** A paid purchase's result: what the customer now has, from when, and whether it renews. */
export function CheckoutResult({
  purchase,
  startsLater,
}: {
  purchase: Purchase;
  startsLater: boolean;
}) {
  const { subscription, typeName, renewal } = purchase;
  return (
    <div className="space-y-4" data-testid="checkout-result">
      <Notice tone="success" title={`Thank you! ${typeName} is yours.`}>
        {startsLater
          ? `It starts on ${formatDate(subscription.startAt)}, when your current subscription ends, and runs to ${formatDate(subscription.endAt)}.`
          : `It runs from today to ${formatDate(subscription.endAt)}.`}{" "}
        {renewal
          ? `It renews automatically on ${formatDate(renewal.chargeAt)}; you can stop that at any time in your account.`
          : "It does not renew automatically."}
      </Notice>
      <div className="flex justify-end">
        <LinkButton href="/account" data-testid="checkout-result-account">
          Go to my account
        </LinkButton>
      </div>
    </div>
  );
}
