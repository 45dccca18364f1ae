import type { Metadata } from "next";
import { ChangeEmailForm } from "@/components/customer/profile/change-email-form";
import { ChangePasswordForm } from "@/components/customer/profile/change-password-form";
import { ProfileForm } from "@/components/customer/profile/profile-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUserPage } from "@/lib/auth/session";
import { countryOptions } from "@/lib/users/countries";
import { changePasswordAction, requestEmailChangeAction, updateProfileAction } from "./actions";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage() {
  const user = await requireUserPage("/account/profile");
  return (
    <>
      <PageHeader
        title="Profile"
        description="Your name, the address on your receipts, and how you sign in."
      />
      <div className="grid gap-6 lg:grid-cols-5">
        <Card className="lg:col-span-3 lg:self-start" data-testid="profile-card">
          <CardHeader title="Name and address" />
          <CardBody>
            <ProfileForm
              action={updateProfileAction}
              countries={countryOptions()}
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
        <div className="space-y-6 lg:col-span-2">
          <Card data-testid="email-card">
            <CardHeader
              title="Email address"
              description={
                <>
                  Now{" "}
                  <span className="font-medium text-zinc-700" data-testid="profile-email">
                    {user.email}
                  </span>
                  . We send a link to the new address; it changes when you open it.
                </>
              }
            />
            <CardBody>
              <ChangeEmailForm action={requestEmailChangeAction} />
            </CardBody>
          </Card>
          <Card data-testid="password-card">
            <CardHeader
              title="Password"
              description="Changing it signs you out in other browsers and apps."
            />
            <CardBody>
              <ChangePasswordForm action={changePasswordAction} />
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}
