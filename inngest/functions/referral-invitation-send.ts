import { NonRetriableError } from "inngest";
import { getDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { parseEventData } from "@/lib/events/parse-event-data";
import { sendReferralInvitation } from "@/lib/referrals/send-referral-invitation";
import { inngest } from "../client";

/**
 * On `referral.invited`: make sure the invitation email went out. Usually the request already sent it and this finds
 * the email log row sent; after a failed delivery the step throws, so Inngest retries it.
 */
export const referralInvitationSend = inngest.createFunction(
  { id: "referral-invitation-send", retries: 5, triggers: [{ event: "referral.invited" }] },
  async ({ event, step }) => {
    const data = parseEventData("referral.invited", event.data);
    return step.run("send-invitation", async () => {
      try {
        const sent = await sendReferralInvitation(await getDb(), {
          referralId: data.referral_id,
          referrerUserId: data.user_id,
        });
        if (!sent)
          throw new Error(
            `referral ${data.referral_id}: the invitation email was not delivered; retrying`,
          );
        return { email_log_id: sent.entry.id, sent_now: sent.sentNow };
      } catch (error) {
        // No longer a pending invitation (completed, expired or rejected meanwhile): nothing left to send.
        if (isAppError(error) && error.code === "referral_wrong_status")
          return { skipped: error.message };
        if (isAppError(error)) throw new NonRetriableError(error.message, { cause: error });
        throw error;
      }
    });
  },
);
