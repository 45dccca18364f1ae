"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { adminActor } from "@/lib/auth/actor";
import { subscriptionKind } from "@/lib/db/schema";
import { checkboxField, idField, optionalUtcDateTime } from "@/lib/forms/form-fields";
import { createSubscription } from "@/lib/subscriptions/create-subscription";
import { stopSubscription } from "@/lib/subscriptions/stop-subscription";

export const stopSubscriptionAction = defineAction(
  {
    permission: "customers.write",
    name: "subscriptions.stop",
    schema: z.object({ subscriptionId: idField }),
    revalidate: ["/admin"],
  },
  async ({ subscriptionId }, { db, user }) => {
    await stopSubscription(db, {
      subscriptionId,
      actor: adminActor(user.id),
      note: `Stopped by ${user.email}`,
    });
    return { ok: true, message: "Subscription stopped." };
  },
);

const giveSubscriptionSchema = z
  .object({
    userId: idField,
    subscriptionTypeId: z.coerce
      .number({ message: "Choose a subscription type." })
      .int()
      .positive({ message: "Choose a subscription type." }),
    startAt: optionalUtcDateTime,
    endAt: optionalUtcDateTime,
    kind: z.enum(subscriptionKind.enumValues),
    isPaid: checkboxField,
  })
  .refine((input) => !input.startAt || !input.endAt || input.endAt > input.startAt, {
    message: "The end must be after the start.",
    path: ["endAt"],
  });

export const giveSubscriptionAction = defineAction(
  {
    permission: "customers.write",
    name: "subscriptions.give",
    schema: giveSubscriptionSchema,
    revalidate: ["/admin"],
  },
  async (input, { db }) => {
    await createSubscription(db, input);
    return { ok: true, message: "Subscription given." };
  },
);
