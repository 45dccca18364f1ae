"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { timeZoneSchema } from "@/lib/time/time-zones";
import { updateProfile } from "@/lib/users/update-profile";

const updateTimeZoneSchema = z.object({
  // Empty: no zone of one's own, the installation's applies.
  time_zone: z.union([timeZoneSchema, z.literal("").transform(() => null)]),
});

/**
 * The signed-in user's own time zone (profile page): times in the admin read in it. Only their own row: the id is the
 * session's, never the form's.
 */
export const updateTimeZoneAction = defineAction(
  {
    role: "user",
    name: "account.update-time-zone",
    schema: updateTimeZoneSchema,
    revalidate: ["/account/profile"],
  },
  async ({ time_zone }, { db, user }) => {
    await updateProfile(db, { userId: user.id, changes: { timeZone: time_zone } });
    return { ok: true };
  },
);
