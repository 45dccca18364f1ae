import type { Metadata } from "next";
import Link from "next/link";
import { EmailDeliverySettingsForm } from "@/components/admin/email-delivery-settings-form";
import { ReadOnlyNotice, ReadOnlyUnless } from "@/components/admin/read-only-unless";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getSetting } from "@/lib/settings";
import { saveEmailDeliverySettingsAction } from "./actions";

export const metadata: Metadata = { title: "Email frequency" };

export default async function EmailDeliverySettingsPage() {
  const staff = await requireStaffPage("/admin/settings/email-delivery", "automation.read");
  const canChange = can(staff.role, "automation.write");
  const db = await getDb();
  const [settings, installationZone] = await Promise.all([
    getSetting(db, "email.delivery"),
    getSetting(db, "installation.time_zone"),
  ]);
  return (
    <>
      <PageHeader
        title="Email frequency"
        description="Limits on marketing email across all scenarios. Transactional email (the account topic: receipts, password resets) is never held."
      />
      <ReadOnlyNotice allowed={canChange} />
      <Card className="max-w-2xl">
        <CardHeader
          title="Frequency cap and quiet hours"
          description={
            <>
              An email a scenario would send over the cap or in the quiet hours is skipped, or
              delayed until allowed, as its email node says. Quiet hours follow each user&apos;s
              time zone (their profile), else the installation&apos;s,{" "}
              <Link href="/admin/settings/time-zone" className="text-brand-700 hover:underline">
                {installationZone}
              </Link>
              .
            </>
          }
        />
        <CardBody>
          <ReadOnlyUnless allowed={canChange}>
            <EmailDeliverySettingsForm
              action={saveEmailDeliverySettingsAction}
              settings={settings}
            />
          </ReadOnlyUnless>
        </CardBody>
      </Card>
    </>
  );
}
