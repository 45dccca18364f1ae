import "server-only";
import { z } from "zod";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { paymentItems, payments, type Payment } from "@/lib/db/schema";
import { invalid, notFound, conflict } from "@/lib/errors";
import { checkoutGateway } from "@/lib/payments/gateways";
import { FAMILY_SEATS_MAX_COUNT, familySeatItemName } from "./family-seat-price";
import { FAMILY_SEATS_META_KEY, type FamilySeatsMeta } from "./family-seats-meta";
import { listFamilySeatOffers } from "./list-family-seat-offers";

export const familySeatsInputSchema = z.object({
  count: z
    .number()
    .int({ message: "Enter a whole number of seats." })
    .min(1, { message: "Add at least 1 seat." })
    .max(FAMILY_SEATS_MAX_COUNT, { message: `At most ${FAMILY_SEATS_MAX_COUNT} seats at once.` }),
  /** The master subscription; omitted: the running one that ends last. */
  masterSubscriptionId: z.number().int().positive().optional(),
  /** The seats' child type (a customizable family with several); omitted when the family has one. */
  subscriptionTypeCode: z.string().trim().min(1).max(100).optional(),
});
export type FamilySeatsInput = z.input<typeof familySeatsInputSchema>;

/**
 * The master buys extra seats for a running dynamic or customizable family subscription: an unpaid (`form`) card
 * payment at the checkout gateway, priced for the days the master subscription has left (listFamilySeatOffers), that
 * the customer pays at /checkout/<id>. Its item is a `product` (so paying it buys no subscription of its own) and its
 * meta names the master subscription; once it is paid, generateFamilyRequests adds the seats there.
 */
export async function createFamilySeatsPayment(
  db: Db,
  options: FamilySeatsInput & { masterUserId: number },
): Promise<Payment> {
  const input = familySeatsInputSchema.parse(options);
  const offers = await listFamilySeatOffers(db, { masterUserId: options.masterUserId });
  const offer =
    input.masterSubscriptionId === undefined
      ? offers[0]
      : offers.find((o) => o.masterSubscriptionId === input.masterSubscriptionId);
  if (!offer) {
    if (input.masterSubscriptionId !== undefined) {
      throw notFound(
        "family_subscription_not_found",
        "You have no running family subscription like that which takes extra seats.",
      );
    }
    throw conflict(
      "family_seats_unavailable",
      "Extra seats can be added to a running family subscription whose number of members can change.",
    );
  }
  const code = input.subscriptionTypeCode?.toLowerCase();
  const seatType =
    code === undefined
      ? offer.seatTypes.length === 1
        ? offer.seatTypes[0]
        : undefined
      : offer.seatTypes.find((t) => t.code === code);
  if (!seatType) {
    throw code === undefined
      ? invalid(
          "family_seat_type_required",
          `Choose the seats' type: ${offer.seatTypes.map((t) => t.code).join(", ")}.`,
        )
      : invalid("family_seat_type_invalid", `This family has no seats of type "${code}".`);
  }
  const meta: FamilySeatsMeta = {
    master_subscription_id: offer.masterSubscriptionId,
    subscription_type_id: seatType.subscriptionTypeId,
    count: input.count,
    unit_price_cents: seatType.unitPriceCents,
    days_left: offer.daysLeft,
  };
  return db.transaction(async (tx) => {
    const at = now();
    const [payment] = await tx
      .insert(payments)
      .values({
        userId: options.masterUserId,
        amountCents: seatType.unitPriceCents * input.count,
        status: "form",
        gateway: checkoutGateway().code,
        meta: { [FAMILY_SEATS_META_KEY]: meta },
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    if (!payment) throw new Error("insert returned no row");
    await tx.insert(paymentItems).values({
      paymentId: payment.id,
      type: "product",
      subscriptionTypeId: seatType.subscriptionTypeId,
      name: familySeatItemName(seatType.name, offer.daysLeft),
      amountCents: seatType.unitPriceCents,
      count: input.count,
      meta: { master_subscription_id: offer.masterSubscriptionId },
    });
    return payment;
  });
}
