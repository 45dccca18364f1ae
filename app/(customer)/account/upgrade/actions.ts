"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { deliverEventsAfterResponse } from "@/lib/events/deliver-after-response";
import { checkoutPath } from "@/lib/payments/checkout-path";
import { codeSchema } from "@/lib/subscriptions/schemas";
import { applyUpgrade } from "@/lib/upgrades/apply-upgrade";
import { parseTagsParam, UPGRADE_TYPES, upgradeTagSchema } from "@/lib/upgrades/option-config";

const blankToNull = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? null : value;

const applyUpgradeFormSchema = z.object({
  type: z.enum(UPGRADE_TYPES),
  target: codeSchema,
  tags: z
    .string()
    .max(600)
    .optional()
    .transform((value) => parseTagsParam(value))
    .pipe(z.array(upgradeTagSchema).max(10)),
  content: z.preprocess(blankToNull, codeSchema.nullable().default(null)),
  expectedChargeCents: z.coerce.number().int().min(0),
  // Generated when the confirmation was rendered: a second submit of the same form replays the first upgrade.
  idempotencyKey: z.uuid(),
});

/** The customer confirms an upgrade offer; the user id comes from the session, never from the form. */
export const applyUpgradeAction = defineAction(
  { role: "user", name: "account.apply-upgrade", schema: applyUpgradeFormSchema },
  async (input, { db, user }) => {
    const applied = await applyUpgrade(db, {
      userId: user.id,
      type: input.type,
      targetCode: input.target,
      idempotencyKey: input.idempotencyKey,
      tags: input.tags,
      content: input.content,
      expectedChargeCents: input.expectedChargeCents,
    });
    // redirect() throws, so do what defineAction does after a success first.
    revalidatePath("/account", "layout");
    deliverEventsAfterResponse();
    if (applied.upgrade.status === "pending" && applied.payment?.status === "form")
      redirect(checkoutPath(applied.payment.id));
    redirect(`/account/upgrade/done/${applied.upgrade.id}`);
  },
);
