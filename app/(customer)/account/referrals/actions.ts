"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { clientAddressOf } from "@/lib/http/client-address";
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
    return {
      ok: true,
      message: sent
        ? `Invitation sent to ${email}.`
        : `${email} is invited, but the email could not be sent just now. Share your link with them instead.`,
    };
  },
);
