"use server";

import { z } from "zod";
import type { ActionState } from "@/lib/actions/action-state";
import { formDataToObject } from "@/lib/actions/define-action";
import { getDb } from "@/lib/db";
import { passwordResetRequestSchema } from "@/lib/users/schemas";
import { requestPasswordReset } from "@/lib/users/request-password-reset";

const PASSWORD_RESET_REQUESTED_MESSAGE =
  "If an account exists for this address, we sent it a link to choose a new password. The link works for one hour.";

/**
 * Public (nobody is signed in), so not through defineAction. The answer is the same whether or not the address has
 * an account, or was rate-limited: only a malformed address is refused.
 */
export async function requestPasswordResetAction(
  _previous: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const parsed = passwordResetRequestSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) {
    const flattened = z.flattenError(parsed.error);
    return {
      ok: false,
      error: "validation_error",
      message: "Check the highlighted fields.",
      fieldErrors: flattened.fieldErrors,
    };
  }
  await requestPasswordReset(await getDb(), { email: parsed.data.email });
  return { ok: true, message: PASSWORD_RESET_REQUESTED_MESSAGE };
}
