"use server";

import { getActionTranslations } from "@/lib/i18n/action-translations";
import type { ActionState } from "@/lib/actions/action-state";
import { defineAction } from "@/lib/actions/define-action";
import { setEmailPreferences } from "@/lib/email/consent/email-preferences";
import {
  emailPreferencesFormSchema,
  preferenceChangesFromForm,
} from "@/lib/email/consent/topic-schemas";
import { isAppError } from "@/lib/errors";
import { changePasswordSchema, emailChangeSchema, profileSchema } from "@/lib/users/schemas";
import { changePassword } from "@/lib/users/change-password";
import { requestEmailChange } from "@/lib/users/request-email-change";
import { updateProfile } from "@/lib/users/update-profile";

/** A domain refusal about one field, shown under that field rather than above the form. */
function fieldRefusal(error: unknown, fields: Record<string, string>): ActionState<never> {
  if (isAppError(error) && fields[error.code]) {
    return {
      ok: false,
      error: error.code,
      message: error.message,
      fieldErrors: { [fields[error.code]!]: [error.message] },
    };
  }
  throw error;
}

/** Name and postal address of the signed-in user (the id comes from the session, never from the form). */
export const updateProfileAction = defineAction(
  {
    role: "user",
    name: "account.update-profile",
    schema: profileSchema,
    revalidate: ["/account/profile"],
  },
  async (input, { db, user }) => {
    await updateProfile(db, { userId: user.id, changes: input });
    return { ok: true, message: (await getActionTranslations("Profile")).t("saved") };
  },
);

/** Emails a confirmation link to the new address; the email changes only when it is opened. */
export const requestEmailChangeAction = defineAction(
  { role: "user", name: "account.request-email-change", schema: emailChangeSchema },
  async (input, { db, user }) => {
    try {
      const requested = await requestEmailChange(db, {
        userId: user.id,
        newEmail: input.email,
        password: input.password,
      });
      const { t } = await getActionTranslations("Profile");
      return { ok: true, message: t("emailLinkSent", { email: requested.newEmail }) };
    } catch (error) {
      return fieldRefusal(error, {
        wrong_password: "password",
        email_unchanged: "email",
        email_taken: "email",
      });
    }
  },
);

/**
 * Changes the password and ends every session; the form then signs this browser in again with the new password,
 * using the address returned here.
 */
export const changePasswordAction = defineAction(
  { role: "user", name: "account.change-password", schema: changePasswordSchema },
  async (input, { db, user }) => {
    try {
      const changed = await changePassword(db, {
        userId: user.id,
        currentPassword: input.currentPassword,
        newPassword: input.newPassword,
      });
      return { ok: true, data: { email: changed.email } };
    } catch (error) {
      return fieldRefusal(error, { wrong_password: "currentPassword" });
    }
  },
);

/** The signed-in user's email topics (the id comes from the session): every topic the form showed, ticked or not. */
export const updateEmailPreferencesAction = defineAction(
  {
    role: "user",
    name: "account.update-email-preferences",
    schema: emailPreferencesFormSchema,
    revalidate: ["/account/profile"],
  },
  async (input, { db, user }) => {
    await setEmailPreferences(db, {
      userId: user.id,
      changes: preferenceChangesFromForm(input),
      source: "account",
    });
    return { ok: true, message: (await getActionTranslations("EmailPreferences")).t("saved") };
  },
);
