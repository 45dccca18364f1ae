"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { clientAddressOf } from "@/lib/http/client-address";
import { getActionTranslations } from "@/lib/i18n/action-translations";
import { inviteAndSend } from "@/lib/referrals/invite-and-send";
import { emailSchema } from "@/lib/users/schemas";

const inviteFormSchema = z.object({
  email: emailSchema,
  name: z.string().trim().max(200, { message: "Keep the name under 200 characters." }).optional(),
});

/** The signed-in user invites a friend: the referral is theirs (the session's id), then the email goes out. */
export const inviteFriendAction = defineAction(
  {
    role: "user",
    name: "account.invite-friend",
    schema: inviteFormSchema,
    revalidate: ["/account/referrals"],
  },
  async ({ email, name }, { db, user }) => {
    const { sent } = await inviteAndSend(db, {
      referrerUserId: user.id,
      email,
      name: name || null,
      clientAddress: clientAddressOf(await headers()),
    });
    const { t } = await getActionTranslations("Referrals.invite");
    return { ok: true, message: sent ? t("sent", { email }) : t("notSent", { email }) };
  },
);
