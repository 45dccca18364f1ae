"use server";

import { headers } from "next/headers";
import { z } from "zod";
import type { ActionState } from "@/lib/actions/action-state";
import { formDataToObject } from "@/lib/actions/define-action";
import { getDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { clientAddressOf } from "@/lib/http/client-address";
import { localizeActionState } from "@/lib/i18n/localize-action-state";
import { passwordResetRequestSchema } from "@/lib/users/schemas";
import { requestPasswordReset } from "@/lib/users/request-password-reset";

const PASSWORD_RESET_REQUESTED_MESSAGE =
  "If an account exists for this address, we sent it a link to choose a new password. The link works for one hour.";

/**
 * Public (nobody is signed in), so not through defineAction. The answer is the same whether or not the address has
 * an account, or was sent its five links this hour: only a malformed address, and too many requests for one email or
 * from one client address (too_many_attempts, with the wait), are refused.
 */
export async function requestPasswordResetAction(
  previous: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return localizeActionState(await requestReset(previous, formData));
}

async function requestReset(_previous: ActionState, formData: FormData): Promise<ActionState> {
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
  try {
    await requestPasswordReset(await getDb(), {
      email: parsed.data.email,
      clientAddress: clientAddressOf(await headers()),
    });
  } catch (error) {
    if (isAppError(error)) return { ok: false, error: error.code, message: error.message };
    throw error;
  }
  return { ok: true, message: PASSWORD_RESET_REQUESTED_MESSAGE };
}
