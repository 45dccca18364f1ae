"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { addEmailSuppression } from "@/lib/email/suppressions/add-email-suppression";
import { liftEmailSuppression } from "@/lib/email/suppressions/lift-email-suppression";
import { suppressionAddressSchema } from "@/lib/email/suppressions/schemas";
import { idField } from "@/lib/forms/form-fields";

/** Staff lift a suppression (on the user page): the address gets non-transactional mail again. Audit-logged. */
export const liftEmailSuppressionAction = defineAction(
  {
    permission: "automation.write",
    name: "email.lift-suppression",
    schema: z.object({ suppressionId: idField }),
    revalidate: ["/admin/users"],
  },
  async ({ suppressionId }, { db, user }) => {
    await liftEmailSuppression(db, { suppressionId, liftedBy: user.id });
    return { ok: true, message: "Suppression lifted." };
  },
);

/** Staff suppress an address by hand (reason manual): no non-transactional mail goes to it. Audit-logged. */
export const addEmailSuppressionAction = defineAction(
  {
    permission: "automation.write",
    name: "email.add-suppression",
    schema: z.object({
      address: suppressionAddressSchema,
      detail: z
        .string()
        .trim()
        .max(500, { message: "Keep the note under 500 characters." })
        .optional(),
    }),
    revalidate: ["/admin/users"],
  },
  async ({ address, detail }, { db }) => {
    await addEmailSuppression(db, { address, detail });
    return { ok: true, message: "Address suppressed." };
  },
);
