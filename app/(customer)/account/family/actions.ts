"use server";

import { getActionTranslations } from "@/lib/i18n/action-translations";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { customerActor } from "@/lib/auth/actor";
import { createFamilySeatsPayment } from "@/lib/family/create-family-seats-payment";
import { FAMILY_SEATS_MAX_COUNT } from "@/lib/family/family-seat-price";
import { leaveFamily } from "@/lib/family/leave-family";
import { releaseFamilyChild } from "@/lib/family/release-family-child";
import { revokeFamilyCode } from "@/lib/family/revoke-family-code";
import { sendFamilyInvitation } from "@/lib/family/send-family-invitation";
import { idField } from "@/lib/forms/form-fields";
import { checkoutPath } from "@/lib/payments/checkout-path";
import { codeSchema } from "@/lib/subscriptions/schemas";
import { emailSchema } from "@/lib/users/schemas";

const familyCode = z.string().trim().toLowerCase().min(1).max(64);

/** The master releases a child: ownership is the session's user id inside releaseFamilyChild's query. */
export const releaseFamilyChildAction = defineAction(
  {
    role: "user",
    name: "account.release-family-child",
    schema: z.object({ requestId: idField }),
    revalidate: ["/account/family", "/account"],
  },
  async ({ requestId }, { db, user }) => {
    const { replacement } = await releaseFamilyChild(db, {
      requestId,
      actor: customerActor(user.id),
    });
    return { ok: true, message: replacement ? "Released. A new code replaces it." : "Released." };
  },
);

/** The master emails a free code's link to a friend (rate-limited in sendFamilyInvitation). */
export const sendFamilyInvitationAction = defineAction(
  {
    role: "user",
    name: "account.send-family-invitation",
    schema: z.object({ requestId: idField, email: emailSchema }),
  },
  async ({ requestId, email }, { db, user }) => {
    const result = await sendFamilyInvitation(db, { requestId, masterUserId: user.id, to: email });
    return {
      ok: true,
      message: (await getActionTranslations("FamilyCode")).t(
        result.sentNow ? "sent" : "alreadySent",
        {
          email,
        },
      ),
    };
  },
);

/** The master withdraws an unused code; the query finds only the session user's own codes. */
export const revokeFamilyCodeAction = defineAction(
  {
    role: "user",
    name: "account.revoke-family-code",
    schema: z.object({ code: familyCode }),
    revalidate: ["/account/family"],
  },
  async ({ code }, { db, user }) => {
    await revokeFamilyCode(db, { code, masterUserId: user.id });
    return { ok: true, message: "Revoked. A new code replaces it." };
  },
);

/** A member leaves the family whose code they activated; the query finds only the session user's own membership. */
export const leaveFamilyAction = defineAction(
  {
    role: "user",
    name: "account.leave-family",
    schema: z.object({ code: familyCode }),
    revalidate: ["/account/family", "/account"],
  },
  async ({ code }, { db, user }) => {
    await leaveFamily(db, { code, childUserId: user.id });
    return { ok: true, message: "You left the family. Your family subscription has ended." };
  },
);

const addSeatsFormSchema = z.object({
  masterSubscriptionId: idField,
  subscriptionTypeCode: codeSchema,
  count: z.coerce
    .number({ message: "Enter a number of seats." })
    .int({ message: "Enter a whole number of seats." })
    .min(1, { message: "Add at least 1 seat." })
    .max(FAMILY_SEATS_MAX_COUNT, { message: `At most ${FAMILY_SEATS_MAX_COUNT} seats at once.` }),
});

/** The master buys extra seats: an unpaid card payment for their own family subscription, paid at the checkout. */
export const addFamilySeatsAction = defineAction(
  { role: "user", name: "account.add-family-seats", schema: addSeatsFormSchema },
  async (input, { db, user }) => {
    const payment = await createFamilySeatsPayment(db, { masterUserId: user.id, ...input });
    // redirect() throws, so do what defineAction does after a success first.
    revalidatePath("/account/family");
    redirect(checkoutPath(payment.id));
  },
);
