import { getTranslations } from "next-intl/server";
import { EmailPreferencesForm } from "@/components/customer/email/email-preferences-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { FormAction } from "@/components/ui/use-form-action";
import { getDb } from "@/lib/db";
import { loadEmailPreferences } from "@/lib/email/consent/email-preferences";

/** The profile's email preferences: the same topics as the preference centre of an email's link. */
export async function EmailPreferencesCard({
  userId,
  action,
}: {
  userId: number;
  action: FormAction;
}) {
  const [t, preferences] = await Promise.all([
    getTranslations("EmailPreferences"),
    getDb().then((db) => loadEmailPreferences(db, userId)),
  ]);
  return (
    <Card data-testid="email-preferences-card">
      <CardHeader title={t("cardTitle")} description={t("cardDescription")} />
      <CardBody>
        <EmailPreferencesForm
          action={action}
          options={preferences.map((preference) => ({
            code: preference.code,
            name: preference.name,
            description: preference.description,
            subscribed: preference.subscribed,
            changeable: preference.changeable,
          }))}
        />
      </CardBody>
    </Card>
  );
}
