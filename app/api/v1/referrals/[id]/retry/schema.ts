import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";
import { referralAdminResponseSchema } from "../review/schema";
import { referralIdPath } from "../referral-id";

export const retryReferralOperation = {
  ...defineOperation({
    operationId: "retryReferral",
    summary: "Grant a failed referral's rewards again",
    description: "For a referral in status `error`: it ends `complete`, or `error` again with the new reason.",
    tags: ["Referrals"],
    auth: { token: "api", scope: "referrals" },
    responses: { "200": { description: "The referral after the retry.", content: jsonContent(referralAdminResponseSchema) } },
    errors: { 404: ["referral_not_found", "referral_program_missing"], 409: ["referral_not_failed"] },
  }),
  requestParams: referralIdPath,
};
