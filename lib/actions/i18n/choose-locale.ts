"use server";

import { eq } from "drizzle-orm";
import { cookies } from "next/headers";
import { z } from "zod";
import type { ActionState } from "@/lib/actions/action-state";
import { currentUser } from "@/lib/auth/session";
import { currentViewAs } from "@/lib/auth/view-as/current-view-as";
import { readOnlyView } from "@/lib/auth/view-as/read-only-view";
import { getDb } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n/locales";
import { localizeActionState } from "@/lib/i18n/localize-action-state";

const chooseLocaleSchema = z.enum(LOCALES);

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * The language switch of the public pages (sign-in, registration, pricing): a visitor's choice lives in a cookie. A
 * signed-in user's own setting wins over the cookie, so for them the switch changes the setting too (nobody else's:
 * the row is the session's user). Not a defineAction: a visitor has no session.
 *
 * While a staff member views a customer's account (the view-as cookie reaches every page under /account, the
 * email-change confirmation among them, whose layout shows this switch) the view is read-only: the switch is refused
 * like every other change and sets neither the staff member's language nor the cookie.
 */
export async function chooseLocaleAction(locale: string): Promise<ActionState> {
  const parsed = chooseLocaleSchema.safeParse(locale);
  if (!parsed.success) {
    return localizeActionState({ ok: false, error: "validation_error", message: "Invalid input." });
  }
  const user = await currentUser();
  if (user && (await currentViewAs(user))) {
    const refusal = readOnlyView();
    return localizeActionState({ ok: false, error: refusal.code, message: refusal.message });
  }
  const cookieStore = await cookies();
  cookieStore.set(LOCALE_COOKIE, parsed.data, {
    path: "/",
    sameSite: "lax",
    maxAge: ONE_YEAR_SECONDS,
  });
  if (user && user.locale !== parsed.data) {
    const db = await getDb();
    await db.update(users).set({ locale: parsed.data }).where(eq(users.id, user.id));
  }
  return { ok: true };
}
