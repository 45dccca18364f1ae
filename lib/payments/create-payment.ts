import "server-only";
import { eq, inArray } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import {
  paymentItems,
  payments,
  subscriptionTypes,
  users,
  type Payment,
  type PaymentItem,
} from "@/lib/db/schema";
import { invalid } from "@/lib/errors";
import { isChargeableGateway } from "./gateways";
import { sumCents } from "@/lib/money";
import { createPaymentSchema, type CreatePaymentInput } from "./schemas";

/** Create a payment in status `form` with its items; the amount is the sum of the items. */
export async function createPayment(
  db: Db,
  options: CreatePaymentInput,
): Promise<{ payment: Payment; items: PaymentItem[] }> {
  const input = createPaymentSchema.parse(options);
  const gateway = input.gateway ?? (input.recurrentCardToken ? "demo" : "manual");
  if (input.recurrentCardToken && !isChargeableGateway(gateway)) {
    throw invalid(
      "gateway_not_chargeable",
      `Gateway "${gateway}" cannot charge a stored card; use a card gateway for recurrent payments.`,
    );
  }
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId));
    if (!user) throw invalid("user_not_found", `No user with id ${input.userId}.`);
    const codes = [...new Set(input.items.map((item) => item.subscriptionTypeCode))];
    const types = await tx
      .select()
      .from(subscriptionTypes)
      .where(inArray(subscriptionTypes.code, codes));
    const itemRows = input.items.map((item) => {
      const type = types.find((t) => t.code === item.subscriptionTypeCode);
      if (!type)
        throw invalid(
          "subscription_type_not_found",
          `No subscription type with code "${item.subscriptionTypeCode}".`,
        );
      return {
        type: "subscription_type" as const,
        subscriptionTypeId: type.id,
        name: type.name,
        amountCents: item.amountCents ?? type.priceCents,
        count: item.count,
      };
    });
    const amountCents = sumCents(itemRows.map((item) => item.amountCents * item.count));
    const [payment] = await tx
      .insert(payments)
      .values({
        userId: input.userId,
        amountCents,
        status: "form",
        gateway,
        recurrentCardToken: input.recurrentCardToken ?? null,
        meta: input.meta,
        createdAt: now(),
        updatedAt: now(),
      })
      .returning();
    if (!payment) throw new Error("insert returned no row");
    const items = await tx
      .insert(paymentItems)
      .values(itemRows.map((item) => ({ ...item, paymentId: payment.id })))
      .returning();
    return { payment, items };
  });
}
