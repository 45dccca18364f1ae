import { getTranslations } from "next-intl/server";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { getSetting } from "@/lib/settings";
import { isTimeZone, timeZoneOptions } from "@/lib/time/time-zones";
import { TimeZoneForm } from "./time-zone-form";

/** The profile's time zone card: the user's own zone, or none (the installation's applies). */
export async function TimeZoneCard({ timeZone }: { timeZone: string | null }) {
  const [t, installationTimeZone] = await Promise.all([
    getTranslations("TimeZoneForm"),
    getDb().then((db) => getSetting(db, "installation.time_zone")),
  ]);
  return (
    <Card data-testid="time-zone-card">
      <CardHeader title={t("title")} />
      <CardBody>
        <TimeZoneForm
          timeZone={isTimeZone(timeZone) ? timeZone : null}
          installationTimeZone={installationTimeZone}
          options={timeZoneOptions(now())}
        />
      </CardBody>
    </Card>
  );
}
