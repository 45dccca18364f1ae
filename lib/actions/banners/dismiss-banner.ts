"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { dismissUserBanner } from "@/lib/banners/dismiss-user-banner";
import { idField } from "@/lib/forms/form-fields";

/** A customer dismisses one of their banners; the user id in the query keeps anyone from dismissing another's. */
export const dismissBannerAction = defineAction(
  {
    role: "user",
    name: "account.dismiss-banner",
    schema: z.object({ userBannerId: idField }),
    revalidate: ["/account"],
  },
  async ({ userBannerId }, { db, user }) => {
    await dismissUserBanner(db, { userBannerId, userId: user.id });
    return { ok: true };
  },
);
