"use server";

import { getActionTranslations } from "@/lib/i18n/action-translations";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { cancelPlanChange, schedulePlanChange } from "@/lib/billing/change-plan";
import { reopenFailedRenewal } from "@/lib/billing/reopen-failed-renewal";
import { saveNewCard } from "@/lib/billing/save-new-card";
import { setRenewal } from "@/lib/billing/set-renewal";
import { idField } from "@/lib/forms/form-fields";
import { checkoutPath } from "@/lib/payments/checkout-path";
import { idempotencyKeySchema } from "@/lib/api/idempotency";
import { codeSchema } from "@/lib/subscriptions/schemas";

const BILLING = "/account/billing";

/** Stop or resume the signed-in customer's own renewal (the user id comes from the session, never the form). */
export const setRenewalAction = defineAction(
  {
    role: "user",
    name: "account.set-renewal",
    schema: z.object({ action: z.enum(["stop", "resume"]) }),
    revalidate: [BILLING, "/account"],
  },
  async ({ action }, { db, user }) => {
    await setRenewal(db, { userId: user.id, action });
    return {
      ok: true,
      message: (await getActionTranslations("Billing.messages")).t(
        action === "stop" ? "stopped" : "resumed",
      ),
    };
  },
);

export const schedulePlanChangeAction = defineAction(
  {
    role: "user",
    name: "account.schedule-plan-change",
    schema: z.object({ subscriptionTypeCode: codeSchema }),
    revalidate: [BILLING, "/account"],
  },
  async ({ subscriptionTypeCode }, { db, user }) => {
    await schedulePlanChange(db, { userId: user.id, subscriptionTypeCode });
    return {
      ok: true,
      message: (await getActionTranslations("Billing.messages")).t("planScheduled"),
    };
  },
);

export const cancelPlanChangeAction = defineAction(
  {
    role: "user",
    name: "account.cancel-plan-change",
    schema: z.object({}),
    revalidate: [BILLING, "/account"],
  },
  async (_input, { db, user }) => {
    await cancelPlanChange(db, { userId: user.id });
    return {
      ok: true,
      message: (await getActionTranslations("Billing.messages")).t("planCancelled"),
    };
  },
);

/** Pay a failed renewal: reopen it and go to its checkout, where the saved card or another one pays it. */
export const payFailedRenewalAction = defineAction(
  { role: "user", name: "account.pay-failed-renewal", schema: z.object({ paymentId: idField }) },
  async ({ paymentId }, { db, user }) => {
    const payment = await reopenFailedRenewal(db, { userId: user.id, paymentId });
    redirect(checkoutPath(payment.id));
  },
);

const saveCardSchema = z.object({
  cardToken: z.string().trim().min(1).max(200).optional(),
  idempotencyKey: idempotencyKeySchema,
});

/** Replace the card renewals are charged on: a test card at once, or Stripe's page (back here when saved). */
export const saveCardAction = defineAction(
  { role: "user", name: "account.save-card", schema: saveCardSchema },
  async ({ cardToken, idempotencyKey }, { db, user }) => {
    const result = await saveNewCard(db, { userId: user.id, cardToken, idempotencyKey });
    if (result.status === "redirect") redirect(result.url);
    revalidatePath(BILLING);
    return { ok: true, message: (await getActionTranslations("Billing.messages")).t("cardSaved") };
  },
);
