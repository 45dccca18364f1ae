import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import {
  EmailPreferencesForm,
  type EmailPreferenceOption,
} from "@/components/customer/email/email-preferences-form";
import { Card, CardBody } from "@/components/ui/card";
import { getDb } from "@/lib/db";
import {
  findEmailLinkRecipient,
  isRecipientSubscribed,
} from "@/lib/email/consent/email-link-recipient";
import { loadEmailPreferences } from "@/lib/email/consent/email-preferences";
import { ADDRESS_WIDE_TOPIC } from "@/lib/email/consent/topic-schemas";
import { maskEmail } from "@/lib/mask-email";
import { saveEmailPreferencesByLinkAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  return {
    title: (await getTranslations("EmailPreferences"))("metaTitle"),
    referrer: "no-referrer",
    robots: { index: false },
  };
}

/** The preference centre of an email's link: every topic, no sign-in (the sealed token names the recipient). */
export default async function EmailPreferencesPage({
  params,
}: {
  params: Promise<{ token: string }>;
}) {
  const [{ token }, t, db] = await Promise.all([
    params,
    getTranslations("EmailPreferences"),
    getDb(),
  ]);
  const recipient = await findEmailLinkRecipient(db, token);
  if (!recipient) notFound();
  let options: EmailPreferenceOption[];
  if (recipient.kind === "user") {
    options = (await loadEmailPreferences(db, recipient.userId)).map((preference) => ({
      code: preference.code,
      name: preference.name,
      description: preference.description,
      subscribed: preference.subscribed,
      changeable: preference.changeable,
    }));
  } else {
    // Someone who is no user (an invited friend) has no topics: one choice for all our marketing mail.
    options = [
      {
        code: ADDRESS_WIDE_TOPIC,
        name: t("addressAllName"),
        description: t("addressAllDescription"),
        subscribed: await isRecipientSubscribed(db, recipient),
        changeable: true,
      },
    ];
  }
  const address = maskEmail(recipient.kind === "user" ? recipient.email : recipient.address);
  return (
    <Card data-testid="email-preferences-page">
      <CardBody className="px-6 py-6">
        <h1 className="text-lg font-semibold text-zinc-900">{t("title")}</h1>
        <p className="mt-1 mb-5 text-sm text-zinc-500">{t("intro", { address })}</p>
        <EmailPreferencesForm
          action={saveEmailPreferencesByLinkAction}
          options={options}
          token={token}
        />
      </CardBody>
    </Card>
  );
}
