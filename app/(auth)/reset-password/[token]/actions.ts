"use server";

import { z } from "zod";
import type { ActionState } from "@/lib/actions/action-state";
import { formDataToObject } from "@/lib/actions/define-action";
import { getDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { localizeActionState } from "@/lib/i18n/localize-action-state";
import { resetPasswordSchema } from "@/lib/users/schemas";
import { resetPassword } from "@/lib/users/reset-password";

/**
 * Public: the link's token is the proof. On success it returns the address, and the form signs the person in with
 * it and the new password.
 */
export async function resetPasswordAction(
  previous: ActionState,
  formData: FormData,
): Promise<ActionState<{ email: string }>> {
  return localizeActionState(await reset(previous, formData));
}

async function reset(
  _previous: ActionState,
  formData: FormData,
): Promise<ActionState<{ email: string }>> {
  const parsed = resetPasswordSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) {
    const flattened = z.flattenError(parsed.error);
    return {
      ok: false,
      error: "validation_error",
      message: "Check the highlighted fields.",
      fieldErrors: flattened.fieldErrors,
    };
  }
  try {
    const { email } = await resetPassword(await getDb(), parsed.data);
    return { ok: true, data: { email } };
  } catch (error) {
    if (isAppError(error)) return { ok: false, error: error.code, message: error.message };
    throw error;
  }
}
