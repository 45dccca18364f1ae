"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { setSetting } from "@/lib/settings";
import { timeZoneSchema } from "@/lib/time/time-zones";

export const saveInstallationTimeZoneAction = defineAction(
  {
    permission: "catalog.write",
    name: "settings.time-zone",
    schema: z.object({ time_zone: timeZoneSchema }),
    revalidate: ["/admin/settings/time-zone"],
  },
  async ({ time_zone }, { db }) => {
    await setSetting(db, "installation.time_zone", time_zone);
    return {
      ok: true,
      message: `Saved. The admin shows times in ${time_zone} to staff who chose no zone of their own.`,
    };
  },
);
