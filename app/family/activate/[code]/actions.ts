"use server";

import { z } from "zod";
import type { ActivatedCode } from "@/components/customer/family/activate-family-form";
import { defineAction } from "@/lib/actions/define-action";
import { customerActor } from "@/lib/auth/actor";
import { activateFamilyRequest } from "@/lib/family/activate-family-request";

/** The signed-in user activates a shared code for themselves: the user id comes from the session, never the form. */
export const activateFamilyCodeAction = defineAction(
  {
    role: "user",
    name: "account.activate-family-code",
    schema: z.object({ code: z.string().trim().min(1).max(64) }),
    revalidate: ["/account"],
  },
  async ({ code }, { db, user }): Promise<ActivatedCode> => {
    const activated = await activateFamilyRequest(db, { code, actor: customerActor(user.id) });
    return {
      startAt: activated.subscription.startAt.toISOString(),
      endAt: activated.subscription.endAt.toISOString(),
      subscriptionTypeCode: activated.subscriptionTypeCode,
      access: activated.access,
    };
  },
);
