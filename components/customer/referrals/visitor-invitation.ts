import "server-only";
import { getLocale } from "next-intl/server";
import { cookies } from "next/headers";
import { getDb } from "@/lib/db";
import { findReferralInvitation } from "@/lib/referrals/find-referral-invitation";
import { REFERRAL_COOKIE } from "@/lib/referrals/referral-cookies";
import { describeFriendOffer } from "./program-summary";

/**
 * For public pages (sign-up, pricing): who invited this visitor, from the referral link's cookie, and what the default
 * program offers them as the friend, in the page's language ("You get 20% off a payment when you first pay."). Null
 * without a known referrer.
 */
export async function visitorInvitation(): Promise<{ by: string; offer: string | null } | null> {
  const code = (await cookies()).get(REFERRAL_COOKIE)?.value;
  const invitation = await findReferralInvitation(await getDb(), code);
  if (!invitation) return null;
  return {
    by: invitation.by,
    offer: invitation.program ? describeFriendOffer(invitation.program, await getLocale()) : null,
  };
}
