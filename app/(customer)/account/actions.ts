"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { customerActor } from "@/lib/auth/actor";
import { idField } from "@/lib/forms/form-fields";
import { stopRecurrentPayment } from "@/lib/recurrent-payments/stop-recurrent-payment";

/** A customer stops their own renewal; the user id in the query keeps anyone from stopping another's. */
export const stopMyRecurrentPaymentAction = defineAction(
  {
    role: "user",
    name: "account.stop-my-recurrent-payment",
    schema: z.object({ recurrentPaymentId: idField }),
    revalidate: ["/account"],
  },
  async ({ recurrentPaymentId }, { db, user }) => {
    await stopRecurrentPayment(db, { recurrentPaymentId, actor: customerActor(user.id) });
    return { ok: true, message: "Automatic renewal stopped." };
  },
);
