import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/define-operation";
import { pageQueryFields } from "@/lib/api/scenario-route-params";
import { referralStatus } from "@/lib/db/schema";
import { referralAdminJsonSchema } from "@/lib/referrals/admin/referral-admin-json";
import { referralProgramJsonSchema } from "@/lib/referrals/admin/referral-program-json";
import { programInputSchema } from "@/lib/referrals/schemas";

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

export const referralProgramResponseSchema = z
  .object({ program: referralProgramJsonSchema })
  .meta({ id: "ReferralProgramResponse" });
export const referralProgramListSchema = z
  .object({ programs: z.array(referralProgramJsonSchema) })
  .meta({ id: "ReferralProgramList" });

/** Codes a program body can be refused with beyond its own validation. */
const PROGRAM_SAVE_ERRORS = {
  400: ["subscription_type_not_found"],
  409: ["program_name_taken"],
} as const;

const auth = { token: "api", scope: "referrals" } as const;

export const listReferralProgramsOperation = defineOperation({
  operationId: "listReferralPrograms",
  summary: "List referral programs",
  tags: ["Referrals"],
  auth,
  responses: {
    "200": {
      description: "Every program, the default first, then by name.",
      content: jsonContent(referralProgramListSchema),
    },
  },
});

export const createReferralProgramOperation = defineOperation({
  operationId: "createReferralProgram",
  summary: "Create a referral program",
  description:
    "Create a referral program. Making it the default un-defaults the current default program.",
  tags: ["Referrals"],
  auth,
  body: referralProgramBodySchema,
  responses: {
    "201": { description: "Created.", content: jsonContent(referralProgramResponseSchema) },
  },
  errors: PROGRAM_SAVE_ERRORS,
});

/** Adds the path parameter, which defineOperation has no field for. */
const withIdPath = <T extends object>(operation: T) => ({
  ...operation,
  requestParams: {
    path: z.object({
      id: z.number().int().positive().meta({ description: "The referral program id." }),
    }),
  },
});

export const getReferralProgramOperation = withIdPath(
  defineOperation({
    operationId: "getReferralProgram",
    summary: "Get a referral program",
    tags: ["Referrals"],
    auth,
    responses: {
      "200": { description: "The program.", content: jsonContent(referralProgramResponseSchema) },
    },
    errors: { 404: ["referral_program_not_found"] },
  }),
);

export const updateReferralProgramOperation = withIdPath(
  defineOperation({
    operationId: "updateReferralProgram",
    summary: "Replace a referral program's settings",
    description:
      "Replace a referral program's settings. Its pending referrals complete under the new settings.",
    tags: ["Referrals"],
    auth,
    body: referralProgramBodySchema,
    responses: {
      "200": { description: "Saved.", content: jsonContent(referralProgramResponseSchema) },
    },
    errors: { ...PROGRAM_SAVE_ERRORS, 404: ["referral_program_not_found"] },
  }),
);

export const deleteReferralProgramOperation = withIdPath(
  defineOperation({
    operationId: "deleteReferralProgram",
    summary: "Delete a referral program no referral belongs to",
    tags: ["Referrals"],
    auth,
    responses: {
      "200": {
        description: "Deleted; the program as it was.",
        content: jsonContent(referralProgramResponseSchema),
      },
    },
    errors: { 404: ["referral_program_not_found"], 409: ["program_in_use"] },
  }),
);

export const listProgramReferralsQuerySchema = z.strictObject({
  status: z.enum(referralStatus.enumValues).optional(),
  flagged: z
    .enum(["true", "false"])
    .optional()
    .meta({ description: "`true`: only referrals waiting for review." }),
  email: z
    .string()
    .trim()
    .max(200)
    .optional()
    .meta({ description: "Part of the referrer's or the friend's address." }),
  ...pageQueryFields,
});

export const referralAdminListSchema = z
  .object({ referrals: z.array(referralAdminJsonSchema), total: z.number().int() })
  .meta({ id: "ReferralAdminList" });

export const listProgramReferralsOperation = {
  ...defineOperation({
    operationId: "listProgramReferrals",
    summary: "A program's referrals, newest first, with filters",
    tags: ["Referrals"],
    auth,
    query: listProgramReferralsQuerySchema,
    responses: {
      "200": {
        description: "A page of referrals and the total.",
        content: jsonContent(referralAdminListSchema),
      },
    },
    errors: { 404: ["referral_program_not_found"] },
  }),
  requestParams: {
    path: z.object({
      id: z.number().int().positive().meta({ description: "The referral program id." }),
    }),
    query: listProgramReferralsQuerySchema,
  },
};
