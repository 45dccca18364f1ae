import "server-only";
import { and, asc, desc, eq, gt, isNull, lte, ne, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import {
  familyRequests,
  familySubscriptionTypes,
  paymentItems,
  subscriptions,
  subscriptionTypes,
} from "@/lib/db/schema";
import { familySeatUnitPriceCents, wholeDaysLeft } from "./family-seat-price";
import { originalPaymentId } from "./original-payment-id";

export interface FamilySeatType {
  subscriptionTypeId: number;
  code: string;
  name: string;
  unitPriceCents: number;
}

export interface FamilySeatOffer {
  masterSubscriptionId: number;
  masterTypeName: string;
  endAt: Date;
  daysLeft: number;
  seatTypes: FamilySeatType[];
}

const masterTypes = alias(subscriptionTypes, "master_types");

/**
 * The master subscriptions of a user that can take extra seats now, with each seat's price (family-seat-price.ts):
 * running ones (started, at least a whole day left) whose family type is dynamic (count 0) or customizable (no child
 * type). A dynamic family's seats are of its child type; a customizable family's of the child types it already has.
 * Ending last first. Scoped to the user in the query.
 */
export async function listFamilySeatOffers(
  db: Db,
  options: { masterUserId: number },
): Promise<FamilySeatOffer[]> {
  const at = now();
  const masters = await db
    .select({
      id: subscriptions.id,
      endAt: subscriptions.endAt,
      paymentId: subscriptions.paymentId,
      masterTypeId: masterTypes.id,
      masterTypeName: masterTypes.name,
      masterTypePriceCents: masterTypes.priceCents,
      masterTypeLengthDays: masterTypes.lengthDays,
      childTypeId: familySubscriptionTypes.childSubscriptionTypeId,
    })
    .from(subscriptions)
    .innerJoin(masterTypes, eq(masterTypes.id, subscriptions.subscriptionTypeId))
    .innerJoin(
      familySubscriptionTypes,
      eq(familySubscriptionTypes.masterSubscriptionTypeId, subscriptions.subscriptionTypeId),
    )
    .where(
      and(
        eq(subscriptions.userId, options.masterUserId),
        ne(subscriptions.kind, "family"),
        lte(subscriptions.startAt, at),
        gt(subscriptions.endAt, at),
        or(
          eq(familySubscriptionTypes.count, 0),
          isNull(familySubscriptionTypes.childSubscriptionTypeId),
        ),
      ),
    )
    .orderBy(desc(subscriptions.endAt), desc(subscriptions.id));

  const offers: FamilySeatOffer[] = [];
  for (const master of masters) {
    const daysLeft = wholeDaysLeft(master.endAt, at);
    if (daysLeft < 1) continue;
    const seatTypes =
      master.childTypeId !== null
        ? await dynamicSeatType(db, master, master.childTypeId, daysLeft)
        : await customizableSeatTypes(db, master.id, daysLeft);
    if (seatTypes.length > 0) {
      offers.push({
        masterSubscriptionId: master.id,
        masterTypeName: master.masterTypeName,
        endAt: master.endAt,
        daysLeft,
        seatTypes,
      });
    }
  }
  return offers;
}

/** Dynamic: what the master paid per seat for a master type's length, on the payment that started the subscription. */
async function dynamicSeatType(
  db: Db,
  master: {
    paymentId: number | null;
    masterTypeId: number;
    masterTypePriceCents: number;
    masterTypeLengthDays: number;
  },
  childTypeId: number,
  daysLeft: number,
): Promise<FamilySeatType[]> {
  const items = master.paymentId
    ? await db
        .select({ amountCents: paymentItems.amountCents, count: paymentItems.count })
        .from(paymentItems)
        .where(
          and(
            eq(paymentItems.paymentId, await originalPaymentId(db, master.paymentId)),
            eq(paymentItems.type, "subscription_type"),
            eq(paymentItems.subscriptionTypeId, master.masterTypeId),
          ),
        )
    : [];
  const periodSeats = items.reduce((sum, item) => sum + item.count, 0);
  // Without a purchase to go by (a subscription an admin gave), a dynamic type's price is the price of one seat.
  const period =
    periodSeats > 0
      ? {
          periodPriceCents: items.reduce((sum, item) => sum + item.amountCents * item.count, 0),
          periodSeats,
        }
      : { periodPriceCents: master.masterTypePriceCents, periodSeats: 1 };
  const [type] = await db
    .select({
      id: subscriptionTypes.id,
      code: subscriptionTypes.code,
      name: subscriptionTypes.name,
    })
    .from(subscriptionTypes)
    .where(eq(subscriptionTypes.id, childTypeId));
  if (!type) return [];
  return [
    {
      subscriptionTypeId: type.id,
      code: type.code,
      name: type.name,
      unitPriceCents: familySeatUnitPriceCents({
        daysLeft,
        lengthDays: master.masterTypeLengthDays,
        ...period,
      }),
    },
  ];
}

/** Customizable: each child type the family already has, at its own price for its own length. */
async function customizableSeatTypes(
  db: Db,
  masterSubscriptionId: number,
  daysLeft: number,
): Promise<FamilySeatType[]> {
  const types = await db
    .selectDistinct({
      id: subscriptionTypes.id,
      code: subscriptionTypes.code,
      name: subscriptionTypes.name,
      priceCents: subscriptionTypes.priceCents,
      lengthDays: subscriptionTypes.lengthDays,
    })
    .from(familyRequests)
    .innerJoin(subscriptionTypes, eq(subscriptionTypes.id, familyRequests.subscriptionTypeId))
    .where(eq(familyRequests.masterSubscriptionId, masterSubscriptionId))
    .orderBy(asc(subscriptionTypes.code));
  return types.map((type) => ({
    subscriptionTypeId: type.id,
    code: type.code,
    name: type.name,
    unitPriceCents: familySeatUnitPriceCents({
      daysLeft,
      periodPriceCents: type.priceCents,
      periodSeats: 1,
      lengthDays: type.lengthDays,
    }),
  }));
}
