"use server";

import { eq } from "drizzle-orm";
import { defineAction } from "@/lib/actions/define-action";
import { users } from "@/lib/db/schema";
import { setEmailPreferences } from "@/lib/email/consent/email-preferences";
import {
  emailPreferencesFormSchema,
  preferenceChangesFromForm,
} from "@/lib/email/consent/topic-schemas";
import { notFound } from "@/lib/errors";
import { idField } from "@/lib/forms/form-fields";

/** Support changes a customer's email topics on their behalf (source `admin`, in the audit log). */
export const setUserEmailPreferencesAction = defineAction(
  {
    permission: "customers.write",
    name: "users.set-email-preferences",
    schema: emailPreferencesFormSchema.extend({ userId: idField }),
    revalidate: ["/admin/users"],
  },
  async ({ userId, ...form }, { db }) => {
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
    if (!user) throw notFound("user_not_found", "No such user.");
    await setEmailPreferences(db, {
      userId,
      changes: preferenceChangesFromForm(form),
      source: "admin",
    });
    return { ok: true, message: "Email topics saved." };
  },
);
