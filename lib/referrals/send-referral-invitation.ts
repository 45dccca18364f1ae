import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { referralPrograms, referrals, users, type ReferralProgram } from "@/lib/db/schema";
import { appBaseUrl, buildEmailContext } from "@/lib/email/build-email-context";
import { templateConsent } from "@/lib/email/consent/template-consent";
import { emailLocaleOf, findLocalizedTemplate } from "@/lib/email/find-localized-template";
import { renderEmailTemplate } from "@/lib/email/render-template";
import { EmailDeliveryError, sendEmail, type SendEmailResult } from "@/lib/email/send-email";
import type { EmailTransport } from "@/lib/email/transport";
import { conflict, notFound } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { looksLikeWebAddress } from "./invite-friend";
import { getReferralLink } from "./referral-link";
import {
  REFERRAL_INVITATION_TEMPLATE,
  REFERRAL_INVITATION_TEMPLATE_CODE,
} from "./referral-invitation-template";
import { rewardWords } from "./referral-terms";

export interface SendReferralInvitationOptions {
  referralId: number;
  /** The referrer sending their own invitation: the referral is looked up with this owner in the query. */
  referrerUserId: number;
  transport?: EmailTransport;
}

/** What the program gives the friend, in the email's language ("20% off a payment"); empty when it gives nothing. */
function friendRewardSummary(program: ReferralProgram, locale: Locale): string {
  const choice = program.friendReward;
  if (!choice || choice.type === "no_reward") return "";
  return rewardWords(choice, locale, "object") ?? "";
}

/**
 * Email an invitation referral's friend the referrer's link, through the email pipeline (rendered from the
 * `referral_invitation` template with the referrer's context, logged in email_log). An address can be referred once
 * ever, so the key is the referral: a repeated call sends nothing more. The friend has no account (inviteFriend
 * refused those), so this renders and calls sendEmail itself rather than sendTemplateEmail. How many invitations a
 * referrer may make is limited by inviteFriend.
 *
 * Returns null when delivery failed: the referral stands, and the failure is on the email_log row for the admin.
 */
export async function sendReferralInvitation(
  db: Db,
  options: SendReferralInvitationOptions,
): Promise<SendEmailResult | null> {
  const [row] = await db
    .select({
      referral: referrals,
      program: referralPrograms,
      referrerEmail: users.email,
      referrerName: users.name,
    })
    .from(referrals)
    .innerJoin(referralPrograms, eq(referralPrograms.id, referrals.programId))
    .innerJoin(users, eq(users.id, referrals.referrerUserId))
    .where(
      and(
        eq(referrals.id, options.referralId),
        eq(referrals.referrerUserId, options.referrerUserId),
      ),
    );
  if (!row) throw notFound("referral_not_found", "No such referral.");
  if (row.referral.source !== "invitation" || row.referral.status !== "pending") {
    throw conflict("referral_wrong_status", "Only a pending invitation can be emailed.");
  }

  // The friend has no account yet: the invitation speaks the referrer's language.
  const [locale, link] = await Promise.all([
    emailLocaleOf(db, options.referrerUserId),
    getReferralLink(db, options.referrerUserId),
  ]);
  const template = await findLocalizedTemplate(db, REFERRAL_INVITATION_TEMPLATE, locale);
  const context = await buildEmailContext(db, options.referrerUserId, {
    referral: {
      link: `${appBaseUrl()}${link.path}`,
      // A name that carries a web address would turn our invitation into someone's advert: the address stands in.
      sender_name:
        row.referrerName?.trim() && !looksLikeWebAddress(row.referrerName)
          ? row.referrerName.trim()
          : row.referrerEmail,
      friend_name: row.referral.referredName ?? "",
      friend_reward: friendRewardSummary(row.program, locale),
    },
  });
  // The friend is no user: their unsubscribe link suppresses the address for marketing mail.
  const consent = await templateConsent(db, template, {
    userId: null,
    address: row.referral.referredEmail,
  });
  const rendered = renderEmailTemplate(consent.template, { ...context, ...consent.context });
  try {
    return await sendEmail(
      db,
      {
        idempotencyKey: `referral-invitation:${row.referral.id}`,
        to: row.referral.referredEmail,
        userId: null,
        templateCode: REFERRAL_INVITATION_TEMPLATE_CODE,
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
        topic: consent.topic,
        messageId: consent.messageId,
      },
      { transport: options.transport },
    );
  } catch (error) {
    if (error instanceof EmailDeliveryError) return null;
    throw error;
  }
}
