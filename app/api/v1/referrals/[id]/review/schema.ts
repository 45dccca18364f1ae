import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";
import { referralAdminJsonSchema } from "@/lib/referrals/admin/referral-admin-json";
import { referralIdPath } from "../referral-id";

export const reviewReferralBodySchema = z
  .strictObject({
    decision: z.enum(["approve", "reject"]).meta({
      description: "`approve`: the referral goes on (and completes now if its trigger already fired); `reject`: never rewarded.",
    }),
  })
  .meta({ id: "ReviewReferralRequest" });

export const referralAdminResponseSchema = z.object({ referral: referralAdminJsonSchema }).meta({ id: "ReferralAdminResponse" });

export const reviewReferralOperation = {
  ...defineOperation({
    operationId: "reviewReferral",
    summary: "Approve or reject a referral held by the fraud guard",
    tags: ["Referrals"],
    auth: { token: "api", scope: "referrals" },
    body: reviewReferralBodySchema,
    responses: { "200": { description: "The referral after the decision.", content: jsonContent(referralAdminResponseSchema) } },
    errors: { 404: ["referral_not_found"], 409: ["referral_not_flagged"] },
  }),
  requestParams: referralIdPath,
};
