import "server-only";
import type { Db } from "@/lib/db";
import type { Referral } from "@/lib/db/schema";
import { reserveAttempt } from "@/lib/throttle/reserve-attempt";
import { inviteFriend } from "./invite-friend";
import { sendReferralInvitation } from "./send-referral-invitation";

/**
 * Invite by email (the page's form and POST /api/v1/referrals): the referral, then its email. Once the referral is
 * saved the request has succeeded — an email that cannot go out (delivery, or anything else on the way) is reported
 * as `sent: false`, never as a refusal of a referral that exists; the `referral.invited` event's function
 * (inngest/functions/referral-invitation-send.ts) retries it.
 *
 * Throttled first, per referrer and per client address, counting refused invitations too (each one tells whether an
 * address has an account): TooManyAttemptsError (429).
 */
export async function inviteAndSend(
  db: Db,
  options: {
    referrerUserId: number;
    email: string;
    name?: string | null;
    clientAddress: string | null;
  },
): Promise<{ referral: Referral; sent: boolean }> {
  await reserveAttempt(db, "referral-invitation", {
    account: `user:${options.referrerUserId}`,
    address: options.clientAddress,
  });
  const referral = await inviteFriend(db, options);
  try {
    const sent = await sendReferralInvitation(db, {
      referralId: referral.id,
      referrerUserId: options.referrerUserId,
    });
    return { referral, sent: sent !== null };
  } catch (error) {
    console.error(`referral ${referral.id}: the invitation email was not sent`, error);
    return { referral, sent: false };
  }
}
