import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";
import { referralProgramJsonSchema } from "@/lib/referrals/admin/referral-program-json";
import { programInputSchema } from "@/lib/referrals/program-schema";

/**
 * The body of POST /referral-programs and PUT /referral-programs/{id}: a whole program (PUT replaces it), validated by
 * the same schema as the admin form, each choice's options by its registry entry. Unknown fields are refused.
 */
export const referralProgramBodySchema = programInputSchema.strict().meta({
  id: "ReferralProgramRequest",
  description:
    "triggers: sign_up, first_payment (at least one). constraints: timeout_days {days}, minimum_payment_cents {amount_cents} " +
    "(needs first_payment). reward / friend_reward: no_reward, free_days {days, subscription_type_code?}, " +
    "discount {kind: percent|fixed, percent_off?, amount_off_cents?, valid_days?}; friend_reward null = one-sided.",
});

export const referralProgramResponseSchema = z.object({ program: referralProgramJsonSchema }).meta({ id: "ReferralProgramResponse" });
export const referralProgramListSchema = z.object({ programs: z.array(referralProgramJsonSchema) }).meta({ id: "ReferralProgramList" });

/** Codes a program body can be refused with beyond its own validation. */
export const PROGRAM_SAVE_ERRORS = { 400: ["subscription_type_not_found"], 409: ["program_name_taken"] } as const;

const auth = { token: "api", scope: "referrals" } as const;

export const listReferralProgramsOperation = defineOperation({
  operationId: "listReferralPrograms",
  summary: "List referral programs",
  tags: ["Referrals"],
  auth,
  responses: { "200": { description: "Every program, the default first, then by name.", content: jsonContent(referralProgramListSchema) } },
});

export const createReferralProgramOperation = defineOperation({
  operationId: "createReferralProgram",
  summary: "Create a referral program",
  description: "Create a referral program. Making it the default un-defaults the current default program.",
  tags: ["Referrals"],
  auth,
  body: referralProgramBodySchema,
  responses: { "201": { description: "Created.", content: jsonContent(referralProgramResponseSchema) } },
  errors: PROGRAM_SAVE_ERRORS,
});
