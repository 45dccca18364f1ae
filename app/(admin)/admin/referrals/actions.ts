"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { adminActor } from "@/lib/auth/actor";
import { isAppError } from "@/lib/errors";
import { idField } from "@/lib/forms/form-fields";
import { programFieldErrors } from "@/lib/referrals/admin/program-field-errors";
import {
  createReferralProgram,
  deleteReferralProgram,
  updateReferralProgram,
} from "@/lib/referrals/admin/save-program";
import { programInputSchema } from "@/lib/referrals/schemas";
import { approveReferral, rejectReferral, retryReferral } from "@/lib/referrals/review-referral";

const optionalId = z.preprocess((value) => (value === "" ? undefined : value), idField.optional());

/** The program form sends the whole program as JSON in one hidden field; it is validated in the handler, per field. */
const programFormSchema = z.object({
  id: optionalId,
  program: z.string().transform((text, context) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      context.addIssue({ code: "custom", message: "The program could not be read." });
      return z.NEVER;
    }
  }),
});

/** The field a service error belongs to, so the form shows it there. */
function fieldOfError(error: unknown): string | null {
  if (!isAppError(error)) return null;
  if (error.code === "program_name_taken") return "name";
  const details = error.details as { field?: unknown } | undefined;
  return typeof details?.field === "string" ? details.field : null;
}

export const saveReferralProgramAction = defineAction(
  {
    permission: "automation.write",
    name: "referral-programs.save",
    schema: programFormSchema,
    revalidate: ["/admin/referrals", "/admin/referrals/programs"],
  },
  async ({ id, program }, { db }) => {
    const parsed = programInputSchema.safeParse(program);
    if (!parsed.success) {
      return {
        ok: false,
        error: "validation_error",
        message: "Check the highlighted fields.",
        fieldErrors: programFieldErrors(program, parsed.error.issues),
      };
    }
    try {
      if (id === undefined) await createReferralProgram(db, parsed.data);
      else await updateReferralProgram(db, id, parsed.data);
    } catch (error) {
      const field = fieldOfError(error);
      if (isAppError(error) && field)
        return {
          ok: false,
          error: error.code,
          message: error.message,
          fieldErrors: { [field]: [error.message] },
        };
      throw error;
    }
    redirect(`/admin/referrals/programs?saved=${encodeURIComponent(parsed.data.name)}`);
  },
);

export const deleteReferralProgramAction = defineAction(
  {
    permission: "automation.write",
    name: "referral-programs.delete",
    schema: z.object({ programId: idField }),
    revalidate: ["/admin/referrals/programs"],
  },
  async ({ programId }, { db }) => {
    await deleteReferralProgram(db, programId);
    redirect("/admin/referrals/programs?deleted=1");
  },
);

const referralIdSchema = z.object({ referralId: idField });

export const approveReferralAction = defineAction(
  {
    permission: "customers.write",
    name: "referrals.approve",
    schema: referralIdSchema,
    revalidate: ["/admin/referrals", "/admin/users"],
  },
  async ({ referralId }, { db, user }) => {
    const referral = await approveReferral(db, { referralId, actor: adminActor(user.id) });
    return {
      ok: true,
      message:
        referral.status === "pending"
          ? "Approved; it completes when its trigger fires."
          : `Approved: ${referral.status}.`,
    };
  },
);

export const rejectReferralAction = defineAction(
  {
    permission: "customers.write",
    name: "referrals.reject",
    schema: referralIdSchema,
    revalidate: ["/admin/referrals", "/admin/users"],
  },
  async ({ referralId }, { db, user }) => {
    await rejectReferral(db, { referralId, actor: adminActor(user.id) });
    return { ok: true, message: "Rejected." };
  },
);

export const retryReferralAction = defineAction(
  {
    permission: "customers.write",
    name: "referrals.retry",
    schema: referralIdSchema,
    revalidate: ["/admin/referrals", "/admin/users"],
  },
  async ({ referralId }, { db }) => {
    const referral = await retryReferral(db, { referralId });
    return referral.status === "complete"
      ? { ok: true, message: "Rewards granted." }
      : {
          ok: false,
          error: "referral_reward_failed",
          message: referral.errorReason ?? "The reward failed again.",
        };
  },
);
