import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { UnsubscribePanel } from "@/components/customer/email/unsubscribe-panel";
import { Card, CardBody } from "@/components/ui/card";
import { getDb } from "@/lib/db";
import {
  findEmailLinkRecipient,
  isRecipientSubscribed,
} from "@/lib/email/consent/email-link-recipient";
import { maskEmail } from "@/lib/mask-email";
import { resubscribeByLinkAction, unsubscribeByLinkAction } from "../../actions";

// The token is in the path: no Referer carries it to another site.
export async function generateMetadata(): Promise<Metadata> {
  return {
    title: (await getTranslations("EmailUnsubscribe"))("metaTitle"),
    referrer: "no-referrer",
    robots: { index: false },
  };
}

/**
 * An email's unsubscribe link. Opening it changes nothing (mail scanners and link previews fetch it); the button
 * does. A mailbox's RFC 8058 one-click POST to this same URL goes to ./one-click (proxy.ts) and needs no page.
 */
export default async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  const [{ token }, t, db] = await Promise.all([
    params,
    getTranslations("EmailUnsubscribe"),
    getDb(),
  ]);
  const recipient = await findEmailLinkRecipient(db, token);
  if (!recipient) notFound();
  const address = maskEmail(recipient.kind === "user" ? recipient.email : recipient.address);
  const preferencesHref = `/email/preferences/${token}`;
  // Account mail cannot be left; a deleted topic sends nothing any more. The preferences still apply to both.
  if (recipient.topic?.transactional || !recipient.topic) {
    const why = recipient.topic ? "account" : "gone";
    return (
      <Card data-testid="unsubscribe-not-possible" data-reason={why}>
        <CardBody className="px-6 py-6">
          <h1 className="text-lg font-semibold text-zinc-900">{t(`${why}Title`)}</h1>
          <p className="mt-1 mb-5 text-sm text-zinc-500">{t(`${why}Text`)}</p>
          <a href={preferencesHref} className="text-sm font-medium text-brand-700 hover:underline">
            {t("preferences")}
          </a>
        </CardBody>
      </Card>
    );
  }
  return (
    <Card>
      <CardBody className="px-6 py-6">
        <UnsubscribePanel
          unsubscribeAction={unsubscribeByLinkAction}
          resubscribeAction={resubscribeByLinkAction}
          token={token}
          topicName={recipient.kind === "user" ? recipient.topic.name : t("allMarketing")}
          address={address}
          subscribed={await isRecipientSubscribed(db, recipient)}
          preferencesHref={preferencesHref}
        />
      </CardBody>
    </Card>
  );
}
