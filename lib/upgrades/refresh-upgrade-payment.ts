import "server-only";
import { eq } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { lockOwnPayment } from "@/lib/payments/lock-own-payment";
import {
  paymentItems,
  payments,
  subscriptionTypes,
  subscriptionUpgrades,
  upgradeOptions,
} from "@/lib/db/schema";
import { AppError, conflict } from "@/lib/errors";
import { loadUpgradeContext } from "./load-upgrade-context";
import type { UpgradeOffer } from "./offer-types";
import { upgradeOptionConfigSchema } from "./option-config";
import { selectOffers, type OfferContext } from "./select-offers";

/**
 * Before a `paid_extend` payment is charged at checkout: recompute its offer now. Gone → `upgrade_not_available`;
 * a different price → the payment (and its item and upgrade row) take the new charge and `upgrade_offer_changed` asks
 * the customer to look again. Unchanged → nothing happens.
 */
export async function refreshUpgradePayment(
  db: Db,
  options: { paymentId: number; userId: number },
): Promise<void> {
  const outcome = await db.transaction(async (tx): Promise<{ changed: UpgradeOffer } | null> => {
    const payment = await lockOwnPayment(tx, options);
    if (payment.upgradeType !== "paid_extend" || payment.status !== "form") return null;
    const [upgrade] = await tx
      .select({ upgrade: subscriptionUpgrades, targetCode: subscriptionTypes.code })
      .from(subscriptionUpgrades)
      .innerJoin(
        subscriptionTypes,
        eq(subscriptionTypes.id, subscriptionUpgrades.targetSubscriptionTypeId),
      )
      .where(eq(subscriptionUpgrades.paymentId, payment.id));
    if (!upgrade) throw conflict("upgrade_not_found", "This payment belongs to no upgrade.");

    // The offer is recomputed with the tags of the option it was bought through (none when that option is gone), so
    // a tagged option stays payable and another option's price never replaces it.
    const [option] = upgrade.upgrade.upgradeOptionId
      ? await tx
          .select({ config: upgradeOptions.config })
          .from(upgradeOptions)
          .where(eq(upgradeOptions.id, upgrade.upgrade.upgradeOptionId))
      : [];
    const config = option ? upgradeOptionConfigSchema.safeParse(option.config) : null;
    const tags = config?.success ? (config.data.require_tags ?? []) : [];

    const loaded = await loadUpgradeContext(tx, { userId: options.userId, now: now() });
    const sameBase = loaded.context?.base.subscriptionId === upgrade.upgrade.baseSubscriptionId;
    const matching = (context: OfferContext) =>
      selectOffers(context, { tags, content: null }).find(
        (candidate) =>
          candidate.type === "paid_extend" && candidate.target.code === upgrade.targetCode,
      );
    // The same option when it still offers this upgrade; else the best other option with the same tags.
    const optionId = upgrade.upgrade.upgradeOptionId;
    const context = loaded.context;
    const offer = context
      ? ((optionId !== null
          ? matching({ ...context, options: context.options.filter((o) => o.id === optionId) })
          : undefined) ?? matching(context))
      : undefined;
    if (!offer || !sameBase) {
      throw conflict(
        "upgrade_not_available",
        "This upgrade is no longer available; your subscription changed since you chose it.",
      );
    }
    if (offer.optionId !== optionId) {
      // Another option of the same tags now offers it: completing follows that option's config (monthly_fix).
      await tx
        .update(subscriptionUpgrades)
        .set({ upgradeOptionId: offer.optionId })
        .where(eq(subscriptionUpgrades.id, upgrade.upgrade.id));
    }
    if (offer.chargeCents === payment.amountCents) return null;
    await tx
      .update(payments)
      .set({ amountCents: offer.chargeCents, updatedAt: now() })
      .where(eq(payments.id, payment.id));
    await tx
      .update(paymentItems)
      .set({ amountCents: offer.chargeCents })
      .where(eq(paymentItems.paymentId, payment.id));
    await tx
      .update(subscriptionUpgrades)
      .set({ chargeCents: offer.chargeCents, creditCents: offer.creditCents })
      .where(eq(subscriptionUpgrades.id, upgrade.upgrade.id));
    return { changed: offer };
  });
  if (outcome) {
    throw new AppError(
      "upgrade_offer_changed",
      "The price of this upgrade changed since it was shown; review the new amount.",
      409,
      {
        offer: outcome.changed,
      },
    );
  }
}
