import { z } from "zod";

/**
 * What a payment for extra family seats carries in `payments.meta.family_seats`: the master subscription the seats
 * are for, so generation adds them there once the payment is paid. Parsed whenever it is read back.
 */
export const familySeatsMetaSchema = z.object({
  master_subscription_id: z.number().int().positive(),
  subscription_type_id: z.number().int().positive(),
  count: z.number().int().positive(),
  unit_price_cents: z.number().int().min(0),
  days_left: z.number().int().positive(),
});
export type FamilySeatsMeta = z.output<typeof familySeatsMetaSchema>;

export const FAMILY_SEATS_META_KEY = "family_seats";

export function readFamilySeatsMeta(meta: Record<string, unknown>): FamilySeatsMeta | null {
  const parsed = familySeatsMetaSchema.safeParse(meta[FAMILY_SEATS_META_KEY]);
  return parsed.success ? parsed.data : null;
}
