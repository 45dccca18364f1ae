import { z } from "zod";
import { UPGRADE_TYPES } from "./option-config";
import type { UpgradeOffer } from "./offer-types";

/**
 * The offer a paid upgrade sold, kept in its payment's meta while the charge is at the gateway: settling the charge
 * completes exactly what the customer paid for, and only while the base still ends where the offer saw it end.
 */
const soldOfferSchema = z.object({
  type: z.enum(UPGRADE_TYPES),
  option_id: z.number().int(),
  target: z.object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    length_days: z.number().int(),
    price_cents: z.number().int(),
    content_access: z.array(z.string()),
  }),
  gained_content: z.array(z.string()),
  charge_cents: z.number().int(),
  credit_cents: z.number().int(),
  start_at: z.iso.datetime(),
  end_at: z.iso.datetime(),
  base_ends_at: z.iso.datetime(),
  recurrent_price_cents: z.number().int().nullable(),
  profitability: z.number(),
  /** The base's end when the offer was made. */
  base_end_at: z.iso.datetime(),
});

export function serializeSoldOffer(
  offer: UpgradeOffer,
  baseEndAt: Date,
): z.input<typeof soldOfferSchema> {
  return {
    type: offer.type,
    option_id: offer.optionId,
    target: {
      id: offer.target.id,
      code: offer.target.code,
      name: offer.target.name,
      length_days: offer.target.lengthDays,
      price_cents: offer.target.priceCents,
      content_access: offer.target.contentAccess,
    },
    gained_content: offer.gainedContent,
    charge_cents: offer.chargeCents,
    credit_cents: offer.creditCents,
    start_at: offer.startAt.toISOString(),
    end_at: offer.endAt.toISOString(),
    base_ends_at: offer.baseEndsAt.toISOString(),
    recurrent_price_cents: offer.recurrentPriceCents,
    profitability: offer.profitability,
    base_end_at: baseEndAt.toISOString(),
  };
}

/** The sold offer from a payment's meta (`meta.upgrade.offer`); null when it is missing or malformed. */
export function parseSoldOffer(
  meta: Record<string, unknown>,
): { offer: UpgradeOffer; baseEndAt: Date } | null {
  const upgrade = meta.upgrade as { offer?: unknown } | undefined;
  const parsed = soldOfferSchema.safeParse(upgrade?.offer);
  if (!parsed.success) return null;
  const sold = parsed.data;
  return {
    baseEndAt: new Date(sold.base_end_at),
    offer: {
      type: sold.type,
      optionId: sold.option_id,
      target: {
        id: sold.target.id,
        code: sold.target.code,
        name: sold.target.name,
        lengthDays: sold.target.length_days,
        priceCents: sold.target.price_cents,
        contentAccess: sold.target.content_access,
      },
      gainedContent: sold.gained_content,
      chargeCents: sold.charge_cents,
      creditCents: sold.credit_cents,
      startAt: new Date(sold.start_at),
      endAt: new Date(sold.end_at),
      baseEndsAt: new Date(sold.base_ends_at),
      recurrentPriceCents: sold.recurrent_price_cents,
      profitability: sold.profitability,
    },
  };
}
