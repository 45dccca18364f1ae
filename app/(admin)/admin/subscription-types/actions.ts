"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { codeTakenState } from "@/lib/actions/action-state";
import { defineAction } from "@/lib/actions/define-action";
import { isAppError } from "@/lib/errors";
import { checkboxField, integerField, moneyField, stringList } from "@/lib/forms/form-fields";
import { saveSubscriptionType } from "@/lib/subscriptions/save-subscription-type";
import { codeSchema, SUBSCRIPTION_TYPE_DESCRIPTION_MAX } from "@/lib/subscriptions/schemas";

const subscriptionTypeFormSchema = z.object({
  id: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.coerce.number().int().positive().optional(),
  ),
  code: codeSchema,
  name: z.string().trim().min(1, { message: "Give the type a name." }).max(200),
  lengthDays: z.coerce
    .number({ message: "Enter the length in days." })
    .int({ message: "Enter whole days." })
    .min(1, { message: "At least 1 day." })
    .max(3660, { message: "At most 3660 days." }),
  price: moneyField,
  contentAccessCodes: stringList.pipe(
    z.array(codeSchema).min(1, { message: "Choose at least one content access." }),
  ),
  isDefault: checkboxField,
  active: checkboxField,
  nextSubscriptionTypeCode: z.preprocess(
    (value) => (value === "" ? null : value),
    codeSchema.nullable(),
  ),
  offered: checkboxField,
  position: integerField("Enter the position as a whole number.").pipe(
    z.number().min(0, { message: "At least 0." }).max(10_000, { message: "At most 10000." }),
  ),
  description: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? null : value),
    z
      .string()
      .trim()
      .max(SUBSCRIPTION_TYPE_DESCRIPTION_MAX, {
        message: `At most ${SUBSCRIPTION_TYPE_DESCRIPTION_MAX} characters.`,
      })
      .nullable()
      .default(null),
  ),
  highlighted: checkboxField,
});

export const saveSubscriptionTypeAction = defineAction(
  {
    permission: "catalog.write",
    name: "subscription-types.save",
    schema: subscriptionTypeFormSchema,
    revalidate: ["/admin"],
  },
  async ({ id, price, ...input }, { db }) => {
    try {
      await saveSubscriptionType(db, { ...input, priceCents: price, id });
    } catch (error) {
      const taken = codeTakenState(error, "subscription_type_exists");
      if (taken) return taken;
      if (isAppError(error) && error.code === "next_subscription_type_invalid") {
        return {
          ok: false,
          error: error.code,
          message: error.message,
          fieldErrors: { nextSubscriptionTypeCode: [error.message] },
        };
      }
      throw error;
    }
    redirect(`/admin/subscription-types?saved=${encodeURIComponent(input.code)}`);
  },
);
