"use server";

import { cookies, headers } from "next/headers";
import { z } from "zod";
import type { ActionState } from "@/lib/actions/action-state";
import { formDataToObject } from "@/lib/actions/define-action";
import { getDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { localizeActionState } from "@/lib/i18n/localize-action-state";
import { browserLocale } from "@/lib/i18n/request-locale";
import { deliverEventsAfterResponse } from "@/lib/events/deliver-after-response";
import { clientAddressOf } from "@/lib/http/client-address";
import { REFERRAL_COOKIE } from "@/lib/referrals/referral-cookies";
import { requestFingerprint } from "@/lib/referrals/sightings";
import { reserveAttempt } from "@/lib/throttle/reserve-attempt";
import { createUser } from "@/lib/users/create-user";
import { emailSchema, passwordSchema } from "@/lib/users/schemas";
import { timeZoneSchema } from "@/lib/time/time-zones";

const registerSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, { message: "Tell us your name." }).max(200),
  password: passwordSchema,
  /** The browser's zone (a hidden field); one the server does not know is dropped: the installation's applies. */
  time_zone: timeZoneSchema.optional().catch(undefined),
});

/**
 * Public sign-up (the one action without a session, so it does not go through defineAction). It can only create a
 * customer: the role is fixed here, never read from the form. Throttled per client address (lib/throttle).
 */
export async function registerAction(
  previous: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return localizeActionState(await register(previous, formData));
}

async function register(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = registerSchema.safeParse(formDataToObject(formData));
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
    const db = await getDb();
    // Every sign-up from an address counts (made or refused), so the form cannot be used to make accounts in bulk or
    // to learn who has one; too many: too_many_attempts with the wait.
    await reserveAttempt(db, "registration", { address: clientAddressOf(await headers()) });
    const cookieStore = await cookies();
    const referral = {
      code: cookieStore.get(REFERRAL_COOKIE)?.value ?? null,
      fingerprint: await requestFingerprint(),
    };
    const { time_zone: timeZone, ...fields } = parsed.data;
    await createUser(db, {
      ...fields,
      timeZone: timeZone ?? null,
      role: "customer",
      source: "register",
      referral,
      locale: await browserLocale(),
    });
    // The link did its work: a later account made in this browser is not this referrer's friend.
    if (referral.code) cookieStore.delete(REFERRAL_COOKIE);
    deliverEventsAfterResponse();
    return { ok: true };
  } catch (error) {
    if (isAppError(error)) {
      return error.code === "user_exists"
        ? {
            ok: false,
            error: error.code,
            message: error.message,
            fieldErrors: { email: ["This email already has an account."] },
          }
        : { ok: false, error: error.code, message: error.message };
    }
    throw error;
  }
}
