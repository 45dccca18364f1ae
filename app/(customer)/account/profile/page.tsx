import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ChangeEmailForm } from "@/components/customer/profile/change-email-form";
import { ChangePasswordForm } from "@/components/customer/profile/change-password-form";
import { EmailPreferencesCard } from "@/components/customer/profile/email-preferences-card";
import { LanguageForm } from "@/components/customer/profile/language-form";
import { ProfileForm } from "@/components/customer/profile/profile-form";
import { TimeZoneCard } from "@/components/customer/profile/time-zone-card";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUserPage } from "@/lib/auth/session";
import { countryOptions } from "@/lib/users/countries";
import {
  changePasswordAction,
  requestEmailChangeAction,
  updateEmailPreferencesAction,
  updateProfileAction,
} from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Profile"))("title") };
}

export default async function ProfilePage() {
  const user = await requireUserPage("/account/profile");
  const [t, locale] = await Promise.all([getTranslations("Profile"), getLocale()]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid gap-6 lg:grid-cols-5">
        <div className="space-y-6 lg:col-span-3">
          <Card data-testid="profile-card">
            <CardHeader title={t("nameAndAddress")} />
            <CardBody>
              <ProfileForm
                action={updateProfileAction}
                countries={countryOptions(locale)}
                profile={{
                  name: user.name,
                  addressLine1: user.addressLine1,
                  addressLine2: user.addressLine2,
                  postalCode: user.postalCode,
                  city: user.city,
                  country: user.country,
                }}
              />
            </CardBody>
          </Card>
          <EmailPreferencesCard userId={user.id} action={updateEmailPreferencesAction} />
        </div>
        <div className="space-y-6 lg:col-span-2">
          <Card data-testid="email-card">
            <CardHeader
              title={t("email")}
              description={t.rich("emailDescription", {
                email: user.email,
                strong: (chunks) => (
                  <span className="font-medium text-zinc-700" data-testid="profile-email">
                    {chunks}
                  </span>
                ),
              })}
            />
            <CardBody>
              <ChangeEmailForm action={requestEmailChangeAction} />
            </CardBody>
          </Card>
          <Card data-testid="password-card">
            <CardHeader title={t("password")} description={t("passwordDescription")} />
            <CardBody>
              <ChangePasswordForm action={changePasswordAction} />
            </CardBody>
          </Card>
          <Card data-testid="language-card">
            <CardHeader title={t("language")} />
            <CardBody>
              <LanguageForm
                locale={user.locale === "en" || user.locale === "sk" ? user.locale : null}
              />
            </CardBody>
          </Card>
          <TimeZoneCard timeZone={user.timeZone} />
        </div>
      </div>
    </>
  );
}
