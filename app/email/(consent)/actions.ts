"use server";

import { z } from "zod";
import type { ActionState } from "@/lib/actions/action-state";
import { formDataToObject } from "@/lib/actions/define-action";
import { getDb, type Db } from "@/lib/db";
import {
  findEmailLinkRecipient,
  resubscribeRecipient,
  unsubscribeRecipient,
  type EmailLinkRecipient,
} from "@/lib/email/consent/email-link-recipient";
import { setEmailPreferences } from "@/lib/email/consent/email-preferences";
import {
  ADDRESS_WIDE_TOPIC,
  emailPreferencesFormSchema,
  preferenceChangesFromForm,
} from "@/lib/email/consent/topic-schemas";
import { isAppError } from "@/lib/errors";
import { localizeActionState } from "@/lib/i18n/localize-action-state";

/*
 * Public: the email link's sealed token is the proof of who is asking (no sign-in, any browser), as on the email
 * change confirmation. Each action acts only for the token's recipient.
 */

const INVALID_LINK: ActionState = {
  ok: false,
  error: "email_link_invalid",
  message: "This link is not valid.",
};

async function withRecipient(
  formData: FormData,
  schema: z.ZodObject,
  act: (db: Db, recipient: EmailLinkRecipient, input: Record<string, unknown>) => Promise<void>,
): Promise<ActionState> {
  const parsed = schema
    .extend({ token: z.string().max(512) })
    .safeParse(formDataToObject(formData));
  if (!parsed.success) return localizeActionState(INVALID_LINK);
  const db = await getDb();
  const recipient = await findEmailLinkRecipient(db, parsed.data.token as string);
  if (!recipient) return localizeActionState(INVALID_LINK);
  try {
    await act(db, recipient, parsed.data);
    return { ok: true };
  } catch (error) {
    if (isAppError(error))
      return localizeActionState({ ok: false, error: error.code, message: error.message });
    throw error;
  }
}

/** The unsubscribe page's button: leaves the link's topic (an address that is no user is suppressed). */
export async function unsubscribeByLinkAction(
  _previous: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return withRecipient(formData, z.object({}), (db, recipient) =>
    unsubscribeRecipient(db, recipient, "preferences"),
  );
}

/** Undo from the same page. */
export async function resubscribeByLinkAction(
  _previous: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return withRecipient(formData, z.object({}), (db, recipient) =>
    resubscribeRecipient(db, recipient),
  );
}

/** The preference centre's save: every topic the form showed, ticked or not. */
export async function saveEmailPreferencesByLinkAction(
  _previous: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return withRecipient(formData, emailPreferencesFormSchema, async (db, recipient, input) => {
    const changes = preferenceChangesFromForm(emailPreferencesFormSchema.parse(input));
    if (recipient.kind === "user") {
      await setEmailPreferences(db, { userId: recipient.userId, changes, source: "preferences" });
      return;
    }
    // An address that is no user has one choice: marketing mail at all, or none.
    const all = changes.find((change) => change.topic === ADDRESS_WIDE_TOPIC);
    if (!all) return;
    if (all.subscribed) await resubscribeRecipient(db, recipient);
    else await unsubscribeRecipient(db, { ...recipient, topic: null }, "preferences");
  });
}
