"use server";

import { getActionTranslations } from "@/lib/i18n/action-translations";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { isAppError } from "@/lib/errors";
import { deliverEventsAfterResponse } from "@/lib/events/deliver-after-response";
import { idField } from "@/lib/forms/form-fields";
import { formatMoney } from "@/lib/money";
import { checkoutPath, SAVED_CARD_CHOICE } from "@/lib/payments/checkout-path";
import { findPaymentUpgrade } from "@/lib/payments/find-checkout-payment";
import { payPayment } from "@/lib/payments/pay-payment";
import { applyDiscountCode } from "@/lib/referrals/discounts/apply-discount-code";
import { removeDiscountCode } from "@/lib/referrals/discounts/remove-discount-code";

const payFormSchema = z.object({
  paymentId: idField,
  /** A token gateway's card (the demo gateway); a redirect gateway (Stripe) collects the card on its own page. */
  cardToken: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.string().trim().min(1).max(200).optional(),
  ),
  expectedAmountCents: z.coerce.number().int().min(0).optional(),
});

/**
 * The customer pays their own payment; the user id comes from the session, never from the form. Paid: to the upgrade's
 * result or this payment's result page. A redirect gateway: on to its payment page.
 */
export const payAction = defineAction(
  { role: "user", name: "account.pay", schema: payFormSchema },
  async ({ paymentId, cardToken, expectedAmountCents }, { db, user }) => {
    let result;
    try {
      const useSavedCard = cardToken === SAVED_CARD_CHOICE;
      result = await payPayment(db, {
        paymentId,
        userId: user.id,
        cardToken: useSavedCard ? undefined : cardToken,
        expectedAmountCents,
        useSavedCard,
      });
    } catch (error) {
      // A decline, an upgrade whose price moved, an amount changed in another tab: show the page again beside the error.
      if (isAppError(error)) revalidatePath(checkoutPath(paymentId));
      throw error;
    }
    if (result.status === "redirect") redirect(result.url);
    revalidatePath("/account", "layout");
    deliverEventsAfterResponse();
    const [upgrade] =
      result.status === "paid" ? await findPaymentUpgrade(db, { paymentId, userId: user.id }) : [];
    redirect(upgrade ? `/account/upgrade/done/${upgrade.id}` : checkoutPath(paymentId));
  },
);

const applyDiscountSchema = z.object({
  paymentId: idField,
  code: z.string().trim().min(1, { message: "Enter a discount code." }).max(100),
});

/** The customer applies one of their own discount codes to their own unpaid payment (both owned in the query). */
export const applyDiscountCodeAction = defineAction(
  { role: "user", name: "account.apply-discount-code", schema: applyDiscountSchema },
  async ({ paymentId, code }, { db, user }) => {
    const applied = await applyDiscountCode(db, { userId: user.id, paymentId, code });
    revalidatePath(checkoutPath(paymentId));
    const { t, locale } = await getActionTranslations("DiscountCode");
    return {
      ok: true,
      message: t("applied", { amount: formatMoney(applied.discountCents, locale) }),
    };
  },
);

/** The customer takes the code off again: the amount comes back and the code is free for another payment. */
export const removeDiscountCodeAction = defineAction(
  { role: "user", name: "account.remove-discount-code", schema: z.object({ paymentId: idField }) },
  async ({ paymentId }, { db, user }) => {
    await removeDiscountCode(db, { userId: user.id, paymentId });
    revalidatePath(checkoutPath(paymentId));
    return { ok: true };
  },
);
