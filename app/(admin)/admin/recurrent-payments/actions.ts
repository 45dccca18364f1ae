"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { adminActor } from "@/lib/auth/actor";
import { idField } from "@/lib/forms/form-fields";
import { stopRecurrentPayment } from "@/lib/recurrent-payments/stop-recurrent-payment";

export const stopRecurrentPaymentAction = defineAction(
  {
    permission: "billing.write",
    name: "recurrent-payments.stop",
    schema: z.object({ recurrentPaymentId: idField }),
    revalidate: ["/admin"],
  },
  async ({ recurrentPaymentId }, { db, user }) => {
    await stopRecurrentPayment(db, { recurrentPaymentId, actor: adminActor(user.id) });
    return { ok: true, message: "Recurrent payment stopped." };
  },
);
