import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/components/ui/format";
import { formatMoney } from "@/lib/money";
import type { UpgradeOffer } from "@/lib/upgrades/offer-types";
import {
  RECURRENT_UPGRADE_METHODS,
  UPGRADE_METHOD_EXPLANATIONS,
  UPGRADE_METHOD_TITLES,
} from "./upgrade-text";

/** "Free", or the amount. */
export function formatCharge(cents: number): string {
  return cents === 0 ? "Free" : formatMoney(cents);
}

/**
 * What one upgrade offer gives and costs, in plain words: the content gained, the price now, the credit for the days
 * left, the dates, and the renewal. Shared by the offers list and the confirmation step.
 */
export function UpgradeOfferDetails({
  offer,
  contentNames,
}: {
  offer: UpgradeOffer;
  contentNames: Record<string, string>;
}) {
  const recurrent = RECURRENT_UPGRADE_METHODS.has(offer.type) && offer.recurrentPriceCents !== null;
  return (
    <div className="space-y-4">
      <div>
        <p className="text-sm font-medium text-zinc-900">{UPGRADE_METHOD_TITLES[offer.type]}</p>
        <p className="mt-0.5 text-sm text-zinc-500">{UPGRADE_METHOD_EXPLANATIONS[offer.type]}</p>
      </div>
      <div
        className="flex flex-wrap items-center gap-1.5 text-sm text-zinc-700"
        data-testid="upgrade-gained"
      >
        <span>Adds:</span>
        {offer.gainedContent.map((code) => (
          <Badge key={code} tone="violet">
            {contentNames[code] ?? code}
          </Badge>
        ))}
      </div>
      <dl className="space-y-2 text-sm">
        <div className="flex justify-between gap-4">
          <dt className="text-zinc-500">
            {offer.type === "paid_extend" ? "You pay at checkout" : "You pay now"}
          </dt>
          <dd className="font-semibold text-zinc-900 tabular-nums" data-testid="upgrade-charge">
            {formatCharge(offer.chargeCents)}
          </dd>
        </div>
        {offer.creditCents > 0 ? (
          <div className="flex justify-between gap-4">
            {/* Paid methods: the credit is already taken off what you pay. Short: it is what buys the new days. */}
            <dt className="text-zinc-500">
              {offer.type === "short"
                ? "Value of your days left, turned into days of the new plan"
                : "Already deducted: credit for your days left"}
            </dt>
            <dd className="text-zinc-900 tabular-nums" data-testid="upgrade-credit">
              {offer.type === "short"
                ? formatMoney(offer.creditCents)
                : `−${formatMoney(offer.creditCents)}`}
            </dd>
          </div>
        ) : null}
      </dl>
      <ul className="space-y-1 text-sm text-zinc-700">
        <li data-testid="upgrade-dates">
          Your subscription now ends {formatDate(offer.baseEndsAt)}; the new one runs{" "}
          {formatDate(offer.startAt)} – {formatDate(offer.endAt)}.
        </li>
        {recurrent ? (
          <li data-testid="upgrade-renewal">
            Renews at {formatMoney(offer.recurrentPriceCents ?? 0)} every {offer.target.lengthDays}{" "}
            days.
          </li>
        ) : null}
      </ul>
    </div>
  );
}
