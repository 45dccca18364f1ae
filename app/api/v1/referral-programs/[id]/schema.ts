import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";
import { notFound } from "@/lib/errors";
import { PROGRAM_SAVE_ERRORS, referralProgramBodySchema, referralProgramResponseSchema } from "../schema";

/** `{id}` of /referral-programs/{id}: a positive integer, else 404 like an id that does not exist. */
const referralProgramIdParamSchema = z.coerce.number().int().positive().max(2_147_483_647);

export const programNotFound = () => notFound("referral_program_not_found", "No such referral program.");

/** The `{id}` segment; a value that is not an id names no program (404, like an unknown one). */
export function referralProgramIdParam(params: Record<string, string>): number {
  const parsed = referralProgramIdParamSchema.safeParse(params.id);
  if (!parsed.success) throw programNotFound();
  return parsed.data;
}

/** Path parameters are documented here: defineOperation covers body, query and headers only. */
const withIdPath = <T extends object>(operation: T) => ({
  ...operation,
  requestParams: { path: z.object({ id: z.number().int().positive().meta({ description: "The referral program id." }) }) },
});

const auth = { token: "api", scope: "referrals" } as const;

export const getReferralProgramOperation = withIdPath(
  defineOperation({
    operationId: "getReferralProgram",
    summary: "Get a referral program",
    tags: ["Referrals"],
    auth,
    responses: { "200": { description: "The program.", content: jsonContent(referralProgramResponseSchema) } },
    errors: { 404: ["referral_program_not_found"] },
  }),
);

export const updateReferralProgramOperation = withIdPath(
  defineOperation({
    operationId: "updateReferralProgram",
    summary: "Replace a referral program's settings",
    description: "Replace a referral program's settings. Its pending referrals complete under the new settings.",
    tags: ["Referrals"],
    auth,
    body: referralProgramBodySchema,
    responses: { "200": { description: "Saved.", content: jsonContent(referralProgramResponseSchema) } },
    errors: { ...PROGRAM_SAVE_ERRORS, 404: ["referral_program_not_found"] },
  }),
);

export const deleteReferralProgramOperation = withIdPath(
  defineOperation({
    operationId: "deleteReferralProgram",
    summary: "Delete a referral program no referral belongs to",
    tags: ["Referrals"],
    auth,
    responses: { "200": { description: "Deleted; the program as it was.", content: jsonContent(referralProgramResponseSchema) } },
    errors: { 404: ["referral_program_not_found"], 409: ["program_in_use"] },
  }),
);
