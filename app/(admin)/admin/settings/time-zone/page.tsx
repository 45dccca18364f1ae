import type { Metadata } from "next";
import Link from "next/link";
import { InstallationTimeZoneForm } from "@/components/admin/installation-time-zone-form";
import { ReadOnlyNotice, ReadOnlyUnless } from "@/components/admin/read-only-unless";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Time } from "@/components/ui/time";
import { can } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { getSetting } from "@/lib/settings";
import { isTimeZone, timeZoneOptions } from "@/lib/time/time-zones";
import { saveInstallationTimeZoneAction } from "./actions";

export const metadata: Metadata = { title: "Time zone" };

export default async function TimeZoneSettingsPage() {
  const staff = await requireStaffPage("/admin/settings/time-zone", "catalog.read");
  const canChange = can(staff.role, "catalog.write");
  const timeZone = await getSetting(await getDb(), "installation.time_zone");
  const ownZone = isTimeZone(staff.timeZone) ? staff.timeZone : null;
  return (
    <>
      <PageHeader
        title="Time zone"
        description="The admin shows every time in one format, 24-hour, in the viewer's time zone: their own if they chose one on their profile, else the installation's. Hovering a time shows it in UTC."
      />
      <ReadOnlyNotice allowed={canChange} />
      <Card className="max-w-2xl">
        <CardHeader
          title="Installation time zone"
          description={
            <>
              {ownZone ? (
                <>
                  You see times in your own zone,{" "}
                  <strong data-testid="own-time-zone">{ownZone}</strong>{" "}
                </>
              ) : (
                <>You see times in this zone </>
              )}
              (now <Time value={now()} />
              ); change yours on{" "}
              <Link href="/account/profile" className="text-brand-700 hover:underline">
                your profile
              </Link>
              .
            </>
          }
        />
        <CardBody>
          <ReadOnlyUnless allowed={canChange}>
            <InstallationTimeZoneForm
              action={saveInstallationTimeZoneAction}
              timeZone={timeZone}
              options={timeZoneOptions(now())}
            />
          </ReadOnlyUnless>
        </CardBody>
      </Card>
    </>
  );
}
