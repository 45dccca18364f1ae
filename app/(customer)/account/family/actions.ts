"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { releaseFamilyChild } from "@/lib/family/release-family-child";
import { sendFamilyInvitation } from "@/lib/family/send-family-invitation";
import { idField } from "@/lib/forms/form-fields";
import { emailSchema } from "@/lib/users/user-schemas";

/** The master releases a child: ownership is the session's user id inside releaseFamilyChild's query. */
export const releaseFamilyChildAction = defineAction(
  { role: "user", schema: z.object({ requestId: idField }), revalidate: ["/account/family", "/account"] },
  async ({ requestId }, { db, user }) => {
    const { replacement } = await releaseFamilyChild(db, { requestId, masterUserId: user.id });
    return { ok: true, message: replacement ? "Released. A new code replaces it." : "Released." };
  },
);

/** The master emails a free code's link to a friend (rate-limited in sendFamilyInvitation). */
export const sendFamilyInvitationAction = defineAction(
  { role: "user", schema: z.object({ requestId: idField, email: emailSchema }) },
  async ({ requestId, email }, { db, user }) => {
    const result = await sendFamilyInvitation(db, { requestId, masterUserId: user.id, to: email });
    return { ok: true, message: result.sentNow ? `Invitation sent to ${email}.` : `The invitation to ${email} was already sent.` };
  },
);
