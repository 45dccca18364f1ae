"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { updateProfile } from "@/lib/users/update-profile";
import { localeSchema } from "@/lib/users/schemas";

const updateLocaleSchema = z.object({
  // Empty: no setting, the browser's language decides.
  locale: z.union([localeSchema, z.literal("").transform(() => null)]),
});

/**
 * The customer's language for their pages and emails (profile page). Only their own row: the id is the session's.
 * The cookie follows, so the sign-in page speaks the same language after signing out.
 */
export const updateLocaleAction = defineAction(
  {
    role: "user",
    name: "account.update-locale",
    schema: updateLocaleSchema,
    revalidate: ["/account", "/account/profile"],
  },
  async ({ locale }, { db, user }) => {
    await updateProfile(db, { userId: user.id, changes: { locale } });
    const cookieStore = await cookies();
    if (locale)
      cookieStore.set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 31_536_000 });
    else cookieStore.delete(LOCALE_COOKIE);
    return { ok: true };
  },
);
