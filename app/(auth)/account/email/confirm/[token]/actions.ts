"use server";

import { z } from "zod";
import type { ActionState } from "@/lib/actions/action-state";
import { formDataToObject } from "@/lib/actions/define-action";
import { getDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { localizeActionState } from "@/lib/i18n/localize-action-state";
import { actionTokenSchema } from "@/lib/users/schemas";
import { confirmEmailChange } from "@/lib/users/confirm-email-change";

/** Public: the link's token is the proof, so it works signed in or out (in any browser the email is opened in). */
export async function confirmEmailChangeAction(
  previous: ActionState,
  formData: FormData,
): Promise<ActionState<{ email: string }>> {
  return localizeActionState(await confirm(previous, formData));
}

async function confirm(
  _previous: ActionState,
  formData: FormData,
): Promise<ActionState<{ email: string }>> {
  const parsed = z.object({ token: actionTokenSchema }).safeParse(formDataToObject(formData));
  if (!parsed.success)
    return {
      ok: false,
      error: "link_invalid",
      message: "This link is not valid. Ask for a new one.",
    };
  try {
    const changed = await confirmEmailChange(await getDb(), { token: parsed.data.token });
    return { ok: true, data: { email: changed.newEmail } };
  } catch (error) {
    if (isAppError(error)) return { ok: false, error: error.code, message: error.message };
    throw error;
  }
}
