"use server";

import { eq } from "drizzle-orm";
import { cookies } from "next/headers";
import { z } from "zod";
import { currentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n/locales";

const chooseLocaleSchema = z.enum(LOCALES);

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * The language switch of the public pages (sign-in, registration, pricing): a visitor's choice lives in a cookie. A
 * signed-in user's own setting wins over the cookie, so for them the switch changes the setting too (nobody else's:
 * the row is the session's user). Not a defineAction: a visitor has no session.
 */
export async function chooseLocaleAction(locale: string): Promise<void> {
  const parsed = chooseLocaleSchema.safeParse(locale);
  if (!parsed.success) return;
  const cookieStore = await cookies();
  cookieStore.set(LOCALE_COOKIE, parsed.data, {
    path: "/",
    sameSite: "lax",
    maxAge: ONE_YEAR_SECONDS,
  });
  const user = await currentUser();
  if (user && user.locale !== parsed.data) {
    const db = await getDb();
    await db.update(users).set({ locale: parsed.data }).where(eq(users.id, user.id));
  }
}
