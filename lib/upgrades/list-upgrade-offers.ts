import "server-only";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import type { UpgradeOffers } from "./offer-types";
import { loadUpgradeContext } from "./load-upgrade-context";
import { selectOffers } from "./select-offers";

/** The upgrades a user can buy now, for the caller's tags (exact set) and, optionally, one wanted content access. */
export async function listUpgradeOffers(
  db: Db,
  options: { userId: number; tags?: readonly string[]; content?: string | null },
): Promise<UpgradeOffers> {
  const loaded = await loadUpgradeContext(db, { userId: options.userId, now: now() });
  if (!loaded.context) return { base: null, offers: [], reason: loaded.reason };
  const {
    subscriptionId,
    typeCode,
    typeName,
    contentAccess,
    startAt,
    endAt,
    paidCents,
    recurrentPaymentId,
  } = loaded.context.base;
  const base = {
    subscriptionId,
    typeCode,
    typeName,
    contentAccess,
    startAt,
    endAt,
    paidCents,
    recurrentPaymentId,
  };
  const offers = selectOffers(loaded.context, {
    tags: options.tags ?? [],
    content: options.content ?? null,
  });
  return { base, offers, reason: offers.length === 0 ? "no_offer" : null };
}
