import { createDocument, type ZodOpenApiObject } from "zod-openapi";
import { deleteBannerOperation, getBannerOperation, updateBannerOperation } from "@/app/api/v1/banners/[id]/schema";
import { createBannerOperation, listBannersOperation } from "@/app/api/v1/banners/schema";
import { createEventOperation } from "@/app/api/v1/events/schema";
import { activateFamilyOperation } from "@/app/api/v1/family/activate/schema";
import { leaveFamilyOperation } from "@/app/api/v1/family/leave/schema";
import { listFamilyRequestsOperation } from "@/app/api/v1/family/list/schema";
import { revokeFamilyOperation } from "@/app/api/v1/family/revoke/schema";
import { buyFamilySeatsOperation } from "@/app/api/v1/family/seats/schema";
import { countSegmentOperation } from "@/app/api/v1/segments/[id]/count/schema";
import { deleteSegmentOperation, getSegmentOperation, updateSegmentOperation } from "@/app/api/v1/segments/[id]/schema";
import { segmentMembershipOperation } from "@/app/api/v1/segments/[id]/users/[userId]/schema";
import { createSegmentOperation, listSegmentsOperation } from "@/app/api/v1/segments/schema";
import { createFamilyTypeOperation, listFamilyTypesOperation } from "@/app/api/v1/family/types/schema";
import { deleteReferralProgramOperation, getReferralProgramOperation, updateReferralProgramOperation } from "@/app/api/v1/referral-programs/[id]/schema";
import { createReferralProgramOperation, listReferralProgramsOperation } from "@/app/api/v1/referral-programs/schema";
import { inviteFriendOperation, listReferralsOperation } from "@/app/api/v1/referrals/schema";
import { listProgramReferralsOperation } from "@/app/api/v1/referral-programs/[id]/referrals/schema";
import { reviewReferralOperation } from "@/app/api/v1/referrals/[id]/review/schema";
import { retryReferralOperation } from "@/app/api/v1/referrals/[id]/retry/schema";
import { completeGoalOperation } from "@/app/api/v1/goals/complete/schema";
import { createGoalOperation, listGoalsOperation } from "@/app/api/v1/goals/schema";
import { getReceiptPdfOperation } from "@/app/api/v1/payments/[id]/receipt.pdf/schema";
import { createPaymentOperation } from "@/app/api/v1/payments/schema";
import { retryPaymentOperation } from "@/app/api/v1/payments/[id]/retry/schema";
import { saveCardOperation } from "@/app/api/v1/users/me/card/schema";
import { cancelPlanChangeOperation, schedulePlanChangeOperation } from "@/app/api/v1/users/me/plan-change/schema";
import { setRenewalOperation } from "@/app/api/v1/users/me/renewal/schema";
import { purchaseOperation } from "@/app/api/v1/purchases/schema";
import {
  createSubscriptionTypeOperation,
  listSubscriptionTypesOperation,
} from "@/app/api/v1/subscription-types/schema";
import { createSubscriptionOperation } from "@/app/api/v1/subscriptions/schema";
import { applyUpgradeOperation, listUpgradesOperation } from "@/app/api/v1/upgrades/schema";
import { loginOperation } from "@/app/api/v1/users/login/schema";
import { logoutOperation } from "@/app/api/v1/users/logout/schema";
import { dismissMyBannerOperation } from "@/app/api/v1/users/me/banners/[id]/dismiss/schema";
import { listMyBannersOperation } from "@/app/api/v1/users/me/banners/schema";
import { listMyPaymentsOperation } from "@/app/api/v1/users/me/payments/schema";
import { requestEmailChangeOperation } from "@/app/api/v1/users/me/email/schema";
import { changePasswordOperation } from "@/app/api/v1/users/me/password/schema";
import { meOperation, updateMeOperation } from "@/app/api/v1/users/me/schema";
import { confirmPasswordResetOperation } from "@/app/api/v1/users/password-reset/confirm/schema";
import { passwordResetOperation } from "@/app/api/v1/users/password-reset/schema";
import { createUserOperation } from "@/app/api/v1/users/schema";
import { createUpgradeOptionOperation } from "@/app/api/v1/upgrade-schemas/[id]/options/schema";
import { linkUpgradeSchemaSubscriptionTypesOperation } from "@/app/api/v1/upgrade-schemas/[id]/subscription-types/schema";
import { createUpgradeSchemaOperation, listUpgradeSchemasOperation } from "@/app/api/v1/upgrade-schemas/schema";
import { API_SCOPES } from "@/lib/api-tokens/api-scopes";
import { scenarioPaths } from "@/lib/api/openapi-scenario-paths";

/** Paths relative to the server URL `/api/v1`. Each operation comes from the schema.ts beside its route. */
const paths: ZodOpenApiObject["paths"] = {
  "/users/login": { post: loginOperation },
  "/users/logout": { post: logoutOperation },
  "/users/me": { get: meOperation, patch: updateMeOperation },
  "/users/me/email": { post: requestEmailChangeOperation },
  "/users/me/password": { post: changePasswordOperation },
  "/users/password-reset": { post: passwordResetOperation },
  "/users/password-reset/confirm": { post: confirmPasswordResetOperation },
  "/users": { post: createUserOperation },
  "/subscription-types": { get: listSubscriptionTypesOperation, post: createSubscriptionTypeOperation },
  "/subscriptions": { post: createSubscriptionOperation },
  "/payments": { post: createPaymentOperation },
  "/payments/{id}/retry": { post: retryPaymentOperation },
  "/users/me/renewal": { post: setRenewalOperation },
  "/users/me/plan-change": { post: schedulePlanChangeOperation, delete: cancelPlanChangeOperation },
  "/users/me/card": { post: saveCardOperation },
  "/payments/{id}/receipt.pdf": { get: getReceiptPdfOperation },
  "/users/me/payments": { get: listMyPaymentsOperation },
  "/purchases": { post: purchaseOperation },
  "/events": { post: createEventOperation },
  "/banners": { get: listBannersOperation, post: createBannerOperation },
  "/banners/{id}": { get: getBannerOperation, put: updateBannerOperation, delete: deleteBannerOperation },
  "/users/me/banners": { get: listMyBannersOperation },
  "/users/me/banners/{id}/dismiss": { post: dismissMyBannerOperation },
  "/goals": { get: listGoalsOperation, post: createGoalOperation },
  "/goals/complete": { post: completeGoalOperation },
  "/upgrades": { get: listUpgradesOperation, post: applyUpgradeOperation },
  "/family/list": { get: listFamilyRequestsOperation },
  "/family/activate": { post: activateFamilyOperation },
  "/family/leave": { post: leaveFamilyOperation },
  "/family/revoke": { post: revokeFamilyOperation },
  "/family/seats": { post: buyFamilySeatsOperation },
  ...scenarioPaths,
  "/segments": { get: listSegmentsOperation, post: createSegmentOperation },
  "/segments/{id}": { get: getSegmentOperation, put: updateSegmentOperation, delete: deleteSegmentOperation },
  "/segments/{id}/count": { get: countSegmentOperation },
  "/segments/{id}/users/{userId}": { get: segmentMembershipOperation },
  "/upgrade-schemas": { get: listUpgradeSchemasOperation, post: createUpgradeSchemaOperation },
  "/upgrade-schemas/{id}/options": { post: createUpgradeOptionOperation },
  "/upgrade-schemas/{id}/subscription-types": { post: linkUpgradeSchemaSubscriptionTypesOperation },
  "/family/types": { get: listFamilyTypesOperation, post: createFamilyTypeOperation },
  "/referral-programs": { get: listReferralProgramsOperation, post: createReferralProgramOperation },
  "/referrals": { get: listReferralsOperation, post: inviteFriendOperation },
  "/referrals/{id}/review": { post: reviewReferralOperation },
  "/referrals/{id}/retry": { post: retryReferralOperation },
  "/referral-programs/{id}/referrals": { get: listProgramReferralsOperation },
  "/referral-programs/{id}": { get: getReferralProgramOperation, put: updateReferralProgramOperation, delete: deleteReferralProgramOperation },
  "/openapi.json": {
    get: {
      operationId: "getOpenApiDocument",
      summary: "This document",
      tags: ["Meta"],
      security: [],
      responses: { "200": { description: "The OpenAPI 3.1 document." } },
    },
  },
};

const scopeList = API_SCOPES.map((s) => `\`${s.scope}\` (${s.label.toLowerCase()})`).join(", ");

export function buildOpenApiDocument() {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Subflow API",
      version: "1.0.0",
      description:
        "Server-to-server and customer API of Subflow. JSON in snake_case; timestamps ISO 8601 with an offset; " +
        "money in integer cents. Errors are `{ \"error\": \"<code>\", \"message\": \"…\" }`. A body naming an " +
        "entity that does not exist (user, subscription type, content access) is 400 with a `*_not_found` code.",
    },
    servers: [{ url: "/api/v1" }],
    paths,
    components: {
      securitySchemes: {
        apiToken: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "sf_api_…",
          description: `An API token (admin → API tokens, or \`npm run tokens:create\`), whitelisted per scope: ${scopeList}.`,
        },
        userToken: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "sf_user_…",
          description: "A user token from POST /users/login.",
        },
      },
    },
  }, {
    // zod's ISO regexes add nothing for readers over `format: date-time` / `date`; keep the document legible.
    override: ({ jsonSchema }) => {
      if (jsonSchema.format === "date-time" || jsonSchema.format === "date") delete jsonSchema.pattern;
    },
  });
}

let cached: ReturnType<typeof buildOpenApiDocument> | undefined;

/** The document is static for a build, so it is generated once per process. */
export function openApiDocument() {
  cached ??= buildOpenApiDocument();
  return cached;
}
