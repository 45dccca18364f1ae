import "server-only";
import { and, count, eq, gt, inArray, sql } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { emailLog, familyRequests, subscriptions, subscriptionTypes, users } from "@/lib/db/schema";
import { buildEmailContext } from "@/lib/email/build-email-context";
import { templateConsent } from "@/lib/email/consent/template-consent";
import { emailLocaleOf, findLocalizedTemplate } from "@/lib/email/find-localized-template";
import { renderEmailTemplate } from "@/lib/email/render-template";
import { EmailDeliveryError, sendEmail, type SendEmailResult } from "@/lib/email/send-email";
import type { EmailTransport } from "@/lib/email/transport";
import { AppError, conflict, invalid, notFound } from "@/lib/errors";
import { contentAccessNames } from "@/lib/subscriptions/content-access-names";
import { contentAccessCodesOf } from "@/lib/subscriptions/content-access-codes-sql";
import {
  FAMILY_INVITATION_TEMPLATE,
  FAMILY_INVITATION_TEMPLATE_CODE,
} from "./family-invitation-template";
import { familyActivationLink } from "./family-link";
import { fixedEndOf, isFamilyRequestExpired } from "./request-expiry";

const HOUR_MS = 3_600_000;
/** One code goes to one address at most once an hour; a master sends at most this many invitations an hour. */
export const FAMILY_INVITATIONS_PER_MASTER_PER_HOUR = 20;

const keyPrefix = (masterUserId: number) => `family-invitation:${masterUserId}:`;
const startsWith = (prefix: string) =>
  sql`left(${emailLog.idempotencyKey}, ${prefix.length}) = ${prefix}`;

export interface SendFamilyInvitationOptions {
  requestId: number;
  /** The master sending their own code: the request is looked up with this owner in the query. */
  masterUserId: number;
  /** The friend's address (lowercased by the form schema). */
  to: string;
  transport?: EmailTransport;
}

/**
 * Email a free family code's activation link to a friend, through the email pipeline (rendered from the
 * `family_invitation` template with the master's context, logged in email_log, sent once per idempotency key).
 * The friend need not have an account, so this renders and calls sendEmail itself rather than sendTemplateEmail
 * (which sends to a user). Rate-limited: the same code to the same address once an hour (the key holds the hour, so
 * a double submit sends one email), and FAMILY_INVITATIONS_PER_MASTER_PER_HOUR per master.
 */
export async function sendFamilyInvitation(
  db: Db,
  options: SendFamilyInvitationOptions,
): Promise<SendEmailResult> {
  const to = options.to.trim().toLowerCase();
  const [row] = await db
    .select({
      request: familyRequests,
      typeName: subscriptionTypes.name,
      content: contentAccessCodesOf(subscriptionTypes.id),
      masterEndAt: subscriptions.endAt,
      fixedEnd: fixedEndOf(subscriptions.subscriptionTypeId),
      masterEmail: users.email,
      masterName: users.name,
    })
    .from(familyRequests)
    .innerJoin(subscriptionTypes, eq(subscriptionTypes.id, familyRequests.subscriptionTypeId))
    .innerJoin(subscriptions, eq(subscriptions.id, familyRequests.masterSubscriptionId))
    .innerJoin(users, eq(users.id, familyRequests.masterUserId))
    .where(
      and(
        eq(familyRequests.id, options.requestId),
        eq(familyRequests.masterUserId, options.masterUserId),
      ),
    );
  if (!row) throw notFound("family_request_not_found", "No such family code.");
  const at = now();
  if (row.request.status !== "created") {
    throw conflict("family_request_wrong_status", "Only a code nobody has used yet can be sent.");
  }
  if (
    isFamilyRequestExpired(
      { masterEndAt: row.masterEndAt, expiresAt: row.request.expiresAt, fixedEnd: row.fixedEnd },
      at,
    )
  ) {
    throw invalid(
      "family_request_expired",
      "This code has expired: the family subscription has ended.",
    );
  }
  if (to === row.masterEmail.toLowerCase()) {
    throw invalid(
      "family_invitation_to_self",
      "Send the code to someone else: it is for your family and friends.",
    );
  }

  // The friend may have no account: the invitation speaks the sender's language.
  const template = await findLocalizedTemplate(
    db,
    FAMILY_INVITATION_TEMPLATE,
    await emailLocaleOf(db, options.masterUserId),
  );
  const names = await contentAccessNames(db, row.content);
  const context = await buildEmailContext(db, options.masterUserId, {
    family: {
      link: familyActivationLink(row.request.code),
      type_name: row.typeName,
      content: row.content.map((code) => names[code] ?? code).join(", "),
      sender_name: row.masterName?.trim() || row.masterEmail,
    },
  });
  const [recipient] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${to}`)
    .limit(1);
  // A friend with an account leaves the topic by their link; one without is suppressed as an address.
  const consent = await templateConsent(db, template, {
    userId: recipient?.id ?? null,
    address: to,
  });
  const rendered = renderEmailTemplate(consent.template, { ...context, ...consent.context });

  const since = new Date(at.getTime() - HOUR_MS);
  const recent = and(
    startsWith(keyPrefix(options.masterUserId)),
    gt(emailLog.createdAt, since),
    inArray(emailLog.status, ["queued", "sent"]),
  );
  const pairPrefix = `${keyPrefix(options.masterUserId)}${row.request.id}:${to}:`;
  // One master's invitations are counted and logged one at a time, so parallel sends cannot pass the limit together.
  const outcome = await db.transaction(async (tx) => {
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${keyPrefix(options.masterUserId)}, 0))`,
    );
    const [[sameAddress], [perMaster]] = await Promise.all([
      tx
        .select({ n: count() })
        .from(emailLog)
        .where(and(recent, startsWith(pairPrefix), eq(emailLog.status, "sent"))),
      tx.select({ n: count() }).from(emailLog).where(recent),
    ]);
    if ((sameAddress?.n ?? 0) > 0) {
      throw new AppError(
        "family_invitation_rate_limited",
        `This code was already sent to ${to} in the last hour.`,
        429,
      );
    }
    if ((perMaster?.n ?? 0) >= FAMILY_INVITATIONS_PER_MASTER_PER_HOUR) {
      throw new AppError(
        "family_invitation_rate_limited",
        "You have sent many invitations in the last hour. Try again later.",
        429,
      );
    }
    try {
      const sent = await sendEmail(
        tx,
        {
          idempotencyKey: `${pairPrefix}${Math.floor(at.getTime() / HOUR_MS)}`,
          to,
          userId: recipient?.id ?? null,
          templateCode: FAMILY_INVITATION_TEMPLATE_CODE,
          subject: rendered.subject,
          html: rendered.html,
          text: rendered.text,
          topic: consent.topic,
          messageId: consent.messageId,
        },
        { transport: options.transport },
      );
      return { sent };
    } catch (error) {
      // The failure stays on the log row (the admin mailbox shows it); the customer can simply try again.
      if (error instanceof EmailDeliveryError) return { sent: null };
      throw error;
    }
  });
  if (!outcome.sent) {
    throw new AppError(
      "family_invitation_not_sent",
      "The email could not be sent just now. Try again in a moment.",
      409,
    );
  }
  return outcome.sent;
}
