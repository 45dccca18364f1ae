import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { emailSuppressions, emailTopics, users, type EmailTopic } from "@/lib/db/schema";
import { conflict } from "@/lib/errors";
import { openEmailToken } from "./email-tokens";
import { loadEmailPreferences, setEmailPreferences } from "./email-preferences";
import { recordEmailUnsubscribe } from "./record-email-unsubscribe";
import type { EmailPreferenceSource } from "./topic-schemas";

/**
 * Who an unsubscribe or preference-centre link speaks for: a user, or an address that is no user (an invited
 * friend), the topic of the email it came in (null once that topic is deleted) and that email's Message-ID (null in
 * links sealed before they named it).
 */
export type EmailLinkRecipient = { topic: EmailTopic | null; messageId: string | null } & (
  { kind: "user"; userId: number; email: string } | { kind: "address"; address: string }
);

/** The recipient of a link's token, or null for a changed, foreign or stale token (its user deleted). */
export async function findEmailLinkRecipient(
  db: Db,
  token: string,
): Promise<EmailLinkRecipient | null> {
  const facts = openEmailToken("unsubscribe", token);
  if (!facts) return null;
  const [topic] = await db.select().from(emailTopics).where(eq(emailTopics.id, facts.t));
  const link = { topic: topic ?? null, messageId: facts.m ?? null };
  if (facts.u !== undefined) {
    const [user] = await db
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(eq(users.id, facts.u));
    return user ? { kind: "user", userId: user.id, email: user.email, ...link } : null;
  }
  if (facts.a) return { kind: "address", address: facts.a.toLowerCase(), ...link };
  return null;
}

/** Whether the link's topic still reaches the recipient: their choice (or its default), or no suppression. */
export async function isRecipientSubscribed(
  db: Db,
  recipient: EmailLinkRecipient,
): Promise<boolean> {
  if (recipient.kind === "user") {
    const preferences = await loadEmailPreferences(db, recipient.userId);
    return preferences.find((p) => p.topicId === recipient.topic?.id)?.subscribed ?? false;
  }
  const [active] = await db
    .select({ id: emailSuppressions.id })
    .from(emailSuppressions)
    .where(
      and(eq(emailSuppressions.address, recipient.address), isNull(emailSuppressions.liftedAt)),
    );
  return !active;
}

/**
 * Leave the link's topic at once: a user's preference for it goes off; an address that is no user is suppressed
 * (reason `unsubscribed`: it has no preferences, and only marketing mail is suppressed). The email the link came in
 * records the unsubscribe (its stats count it). Doing it twice is no error. Account mail cannot be left
 * (`email_topic_not_changeable`, 409).
 */
export async function unsubscribeRecipient(
  db: Db,
  recipient: EmailLinkRecipient,
  source: EmailPreferenceSource,
): Promise<void> {
  if (recipient.topic?.transactional)
    throw conflict(
      "email_topic_not_changeable",
      "Mail about your account (receipts, password resets) cannot be unsubscribed.",
    );
  await leaveTopic(db, recipient, source);
  if (recipient.messageId)
    await recordEmailUnsubscribe(db, {
      messageId: recipient.messageId,
      recipient:
        recipient.kind === "user" ? { userId: recipient.userId } : { address: recipient.address },
    });
}

async function leaveTopic(
  db: Db,
  recipient: EmailLinkRecipient,
  source: EmailPreferenceSource,
): Promise<void> {
  if (recipient.kind === "user") {
    // A deleted topic sends nothing any more: there is nothing to leave.
    if (!recipient.topic) return;
    await setEmailPreferences(db, {
      userId: recipient.userId,
      changes: [{ topic: recipient.topic.code, subscribed: false }],
      source,
    });
    return;
  }
  // One active suppression per address (a partial unique index): an address already suppressed stays as it is.
  await db
    .insert(emailSuppressions)
    .values({
      address: recipient.address,
      reason: "unsubscribed",
      detail: recipient.topic ? `Unsubscribed from ${recipient.topic.name}` : "Unsubscribed",
      createdAt: now(),
    })
    .onConflictDoNothing();
}

/**
 * Undo an unsubscribe from the same link: the user's topic goes back on; an address loses its `unsubscribed`
 * suppression (a bounce's or complaint's suppression stays: only an admin lifts those).
 */
export async function resubscribeRecipient(db: Db, recipient: EmailLinkRecipient): Promise<void> {
  if (recipient.kind === "user") {
    if (!recipient.topic || recipient.topic.transactional) return;
    await setEmailPreferences(db, {
      userId: recipient.userId,
      changes: [{ topic: recipient.topic.code, subscribed: true }],
      source: "preferences",
    });
    return;
  }
  await db
    .update(emailSuppressions)
    .set({ liftedAt: now() })
    .where(
      and(
        eq(emailSuppressions.address, recipient.address),
        eq(emailSuppressions.reason, "unsubscribed"),
        isNull(emailSuppressions.liftedAt),
      ),
    );
}
