"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { adminActor } from "@/lib/auth/actor";
import { checkCustomizableFamilyPayment } from "@/lib/family/admin/check-customizable-family-payment";
import { checkboxField, idField, optionalText } from "@/lib/forms/form-fields";
import { parseMoney } from "@/lib/money";
import { createPayment } from "@/lib/payments/create-payment";
import { PAYMENT_GATEWAY_CODES } from "@/lib/payments/gateways/gateway-codes";
import { markPaymentPaid } from "@/lib/payments/mark-payment-paid";
import { refundPayment } from "@/lib/payments/refund-payment";
import { codeSchema } from "@/lib/subscriptions/schemas";

export const markPaymentPaidAction = defineAction(
  {
    permission: "billing.write",
    name: "payments.mark-paid",
    schema: z.object({ paymentId: idField }),
    revalidate: ["/admin"],
  },
  async ({ paymentId }, { db, user }) => {
    await markPaymentPaid(db, { paymentId, actor: adminActor(user.id) });
    return { ok: true, message: "Payment marked paid." };
  },
);

export const refundPaymentAction = defineAction(
  {
    permission: "billing.write",
    name: "payments.refund",
    schema: z.object({ paymentId: idField }),
    revalidate: ["/admin"],
  },
  async ({ paymentId }, { db }) => {
    await refundPayment(db, { paymentId });
    return { ok: true, message: "Payment refunded." };
  },
);

const list = z.preprocess(
  (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.string()),
);

/** Item rows arrive as parallel lists (itemType[], itemCount[], itemPrice[]); each row is validated on its own. */
const createPaymentFormSchema = z
  .object({
    userId: idField,
    itemType: list,
    itemCount: list,
    itemPrice: list,
    gateway: z.enum(PAYMENT_GATEWAY_CODES),
    recurrentCardToken: optionalText(200),
    markPaid: checkboxField,
  })
  .transform((input, context) => {
    const items = input.itemType.map((code, index) => {
      const countText = input.itemCount[index]?.trim() || "1";
      const priceText = input.itemPrice[index]?.trim() ?? "";
      const count = Number(countText);
      if (!codeSchema.safeParse(code).success) {
        context.addIssue({
          code: "custom",
          path: ["items"],
          message: `Row ${index + 1}: choose a subscription type.`,
        });
      }
      if (!Number.isInteger(count) || count < 1 || count > 1000) {
        context.addIssue({
          code: "custom",
          path: ["items"],
          message: `Row ${index + 1}: the count is a whole number from 1.`,
        });
      }
      const amountCents = priceText === "" ? undefined : parseMoney(priceText);
      if (amountCents === null || (amountCents !== undefined && amountCents < 0)) {
        context.addIssue({
          code: "custom",
          path: ["items"],
          message: `Row ${index + 1}: enter a unit price like 4.99, or leave it empty.`,
        });
      }
      return { subscriptionTypeCode: code, count, amountCents: amountCents ?? undefined };
    });
    if (items.length === 0)
      context.addIssue({ code: "custom", path: ["items"], message: "Add at least one item." });
    return {
      userId: input.userId,
      gateway: input.gateway,
      recurrentCardToken: input.recurrentCardToken,
      markPaid: input.markPaid,
      items,
    };
  });

export const createPaymentAction = defineAction(
  {
    permission: "billing.write",
    name: "payments.create",
    schema: createPaymentFormSchema,
    revalidate: ["/admin"],
  },
  async (input, { db, user }) => {
    await checkCustomizableFamilyPayment(db, input.items);
    const { payment } = await createPayment(db, {
      userId: input.userId,
      gateway: input.gateway,
      recurrentCardToken: input.recurrentCardToken ?? null,
      items: input.items,
    });
    if (!input.markPaid) return { ok: true, message: `Payment #${payment.id} created (unpaid).` };
    const { subscription } = await markPaymentPaid(db, {
      paymentId: payment.id,
      actor: adminActor(user.id),
    });
    return {
      ok: true,
      message: subscription
        ? `Payment #${payment.id} paid; subscription #${subscription.id} created.`
        : `Payment #${payment.id} paid.`,
    };
  },
);
