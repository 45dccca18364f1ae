"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { idempotencyKeySchema } from "@/lib/api/idempotency";
import { isAppError } from "@/lib/errors";
import { checkboxField, optionalText } from "@/lib/forms/form-fields";
import { checkoutPath } from "@/lib/payments/checkout-path";
import { createPurchase } from "@/lib/purchases/create-purchase";
import { codeSchema } from "@/lib/subscriptions/schemas";

const startPurchaseSchema = z.object({
  code: codeSchema,
  /** Rendered with the form, one per page view: sending the same form twice makes one payment. */
  idempotencyKey: idempotencyKeySchema,
  recurrent: checkboxField,
  discountCode: optionalText(100),
});

/**
 * The signed-in customer starts buying an offered type: an unpaid payment for them (the user id comes from the
 * session, never from the form), then the checkout page where they pay it.
 */
export const startPurchaseAction = defineAction(
  { role: "user", name: "account.start-purchase", schema: startPurchaseSchema },
  async (input, { db, user }) => {
    let paymentId: number;
    try {
      const { payment } = await createPurchase(db, {
        userId: user.id,
        subscriptionTypeCode: input.code,
        recurrent: input.recurrent,
        discountCode: input.discountCode ?? null,
        idempotencyKey: input.idempotencyKey,
      });
      paymentId = payment.id;
    } catch (error) {
      if (isAppError(error) && error.code === "discount_code_invalid") {
        return {
          ok: false,
          error: error.code,
          message: error.message,
          fieldErrors: { discountCode: [error.message] },
        };
      }
      if (isAppError(error) && error.code === "idempotency_key_reused") {
        // The same page sent again with other choices (e.g. after Back from the checkout).
        return {
          ok: false,
          error: error.code,
          message: "This form was already sent with other choices. Reload the page to start again.",
        };
      }
      throw error;
    }
    redirect(checkoutPath(paymentId));
  },
);
