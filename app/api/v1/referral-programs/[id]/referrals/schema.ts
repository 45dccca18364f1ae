import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";
import { pageQueryFields } from "@/lib/api/scenario-route-params";
import { referralStatus } from "@/lib/db/schema";
import { referralAdminJsonSchema } from "@/lib/referrals/admin/referral-admin-json";

export const listProgramReferralsQuerySchema = z.strictObject({
  status: z.enum(referralStatus.enumValues).optional(),
  flagged: z.enum(["true", "false"]).optional().meta({ description: "`true`: only referrals waiting for review." }),
  email: z.string().trim().max(200).optional().meta({ description: "Part of the referrer's or the friend's address." }),
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
    auth: { token: "api", scope: "referrals" },
    query: listProgramReferralsQuerySchema,
    responses: { "200": { description: "A page of referrals and the total.", content: jsonContent(referralAdminListSchema) } },
    errors: { 404: ["referral_program_not_found"] },
  }),
  requestParams: { path: z.object({ id: z.number().int().positive().meta({ description: "The referral program id." }) }) },
};
