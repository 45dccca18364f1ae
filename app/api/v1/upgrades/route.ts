import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { serializeAppliedUpgrade } from "@/lib/upgrades/serialize-applied-upgrade";
import { applyUpgrade } from "@/lib/upgrades/apply-upgrade";
import { listUpgradeOffers } from "@/lib/upgrades/list-upgrade-offers";
import type { UpgradeOffer } from "@/lib/upgrades/offer-types";
import { applyUpgradeBodySchema, listUpgradesQuerySchema } from "@/lib/api/operations/upgrades";

const RECURRENT_METHODS = new Set<UpgradeOffer["type"]>(["paid_recurrent", "free_recurrent"]);

function serializeOffer(offer: UpgradeOffer) {
  return {
    type: offer.type,
    subscription_type_code: offer.target.code,
    charge_cents: offer.chargeCents,
    credit_cents: offer.creditCents,
    start_at: offer.startAt.toISOString(),
    end_at: offer.endAt.toISOString(),
    ...(RECURRENT_METHODS.has(offer.type) && offer.recurrentPriceCents !== null
      ? { recurrent_price_cents: offer.recurrentPriceCents }
      : {}),
  };
}

export const GET = apiRoute(
  { auth: { token: "user" }, query: listUpgradesQuerySchema },
  async ({ db, principal, query }) => {
    const result = await listUpgradeOffers(db, {
      userId: principal.user.id,
      tags: query.tags,
      content: query.content ?? null,
    });
    return NextResponse.json({
      upgrades: result.offers.map(serializeOffer),
      reason: result.reason,
    });
  },
);

export const POST = apiRoute(
  { auth: { token: "user" }, body: applyUpgradeBodySchema },
  async ({ db, principal, body }) => {
    const applied = await applyUpgrade(db, {
      userId: principal.user.id,
      type: body.type,
      targetCode: body.subscription_type_code,
      idempotencyKey: body.idempotency_key,
      tags: body.tags,
      content: body.content ?? null,
      expectedChargeCents: body.expected_charge_cents,
    });
    return NextResponse.json(await serializeAppliedUpgrade(db, applied), {
      status: 201,
      headers: applied.replayed ? { "Idempotent-Replayed": "true" } : undefined,
    });
  },
);
